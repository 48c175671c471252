import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PATTERNS_PLUGIN_ID,
  patternsApiPath,
  PatternsApiContract,
  PatternsApiRoute,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternsApi } from './PatternsApi';
import { SharedRequests } from './SharedRequests';

/** How long a content answer is shared before it is asked for again (the backend reloads content rarely). */
const CONTENT_TTL_MS = 5 * 60 * 1000;

/**
 * PatternsApi over HTTP, with the signed-in user's token. Content answers
 * are shared by every caller for a while, so a page whose cards all need
 * the pattern list asks for it once; usage, adoption and the entity report
 * are read fresh, because they come from the catalog with the caller's
 * permissions.
 */
export class PatternsClient implements PatternsApi {
  private readonly content: SharedRequests;

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      /** @internal for tests */
      now?: () => number;
    },
  ) {
    this.content = new SharedRequests(CONTENT_TTL_MS, options.now);
  }

  async listPatterns() {
    return (await this.shared('/v1/patterns')).items;
  }

  getPattern(id: string) {
    return this.shared('/v1/patterns/:id', { id });
  }

  async listCategories() {
    return (await this.shared('/v1/categories')).items;
  }

  async listScenarios() {
    return (await this.shared('/v1/scenarios')).items;
  }

  getDecisionTree() {
    return this.shared('/v1/decision-tree');
  }

  getGraph() {
    return this.shared('/v1/graph');
  }

  async listGaps() {
    return (await this.shared('/v1/gaps')).items;
  }

  getPatternUsage(id: string) {
    return this.get('/v1/patterns/:id/usage', { id });
  }

  getAdoption() {
    return this.get('/v1/adoption');
  }

  async getEntityPatternReport(entity: string | CompoundEntityRef) {
    const ref = typeof entity === 'string' ? parseEntityRef(entity) : entity;
    return this.get('/v1/entities/:kind/:namespace/:name/patterns', {
      kind: ref.kind.toLocaleLowerCase('en-US'),
      namespace: ref.namespace.toLocaleLowerCase('en-US'),
      name: ref.name,
    });
  }

  private shared<R extends PatternsApiRoute>(
    route: R,
    params?: Record<string, string>,
  ): Promise<PatternsApiContract[R]> {
    const path = patternsApiPath(route, params);
    return this.content.get(path, () => this.get(route, params));
  }

  private async get<R extends PatternsApiRoute>(
    route: R,
    params?: Record<string, string>,
  ): Promise<PatternsApiContract[R]> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      PATTERNS_PLUGIN_ID,
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${patternsApiPath(route, params)}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as PatternsApiContract[R];
  }
}
