import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DecisionTree,
  GapRule,
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
  PatternAdoption,
  PatternUsage,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternGraphResponse, PatternsApi } from './PatternsApi';

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

  async getDecisionTree(): Promise<DecisionTree> {
    return this.get<DecisionTree>('/v1/decision-tree');
  }

  async getGraph(): Promise<PatternGraphResponse> {
    return this.get<PatternGraphResponse>('/v1/graph');
  }

  async listGaps(): Promise<GapRule[]> {
    return (await this.get<{ items: GapRule[] }>('/v1/gaps')).items;
  }

  async getPatternUsage(id: string): Promise<PatternUsage> {
    return this.get<PatternUsage>(
      `/v1/patterns/${encodeURIComponent(id)}/usage`,
    );
  }

  async getAdoption(): Promise<PatternAdoption> {
    return this.get<PatternAdoption>('/v1/adoption');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('patterns');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
