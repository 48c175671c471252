import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternsApi } from './PatternsApi';

/** PatternsApi over HTTP, with the signed-in user's token. */
export class PatternsClient implements PatternsApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listPatterns(): Promise<PatternSummary[]> {
    return (await this.get<{ items: PatternSummary[] }>('/v1/patterns')).items;
  }

  async getPattern(id: string): Promise<PatternDocument> {
    return this.get<PatternDocument>(`/v1/patterns/${encodeURIComponent(id)}`);
  }

  async listCategories(): Promise<PatternCategory[]> {
    return (await this.get<{ items: PatternCategory[] }>('/v1/categories')).items;
  }

  async listScenarios(): Promise<PatternScenario[]> {
    return (await this.get<{ items: PatternScenario[] }>('/v1/scenarios')).items;
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('patterns');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
