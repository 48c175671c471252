/*
 * The HTTP contract of the patterns backend (`/api/patterns`): every route's
 * path and answer, shared by the backend's router and the frontend's client.
 * Errors use Backstage's standard error body (`@backstage/errors`).
 */
import {
  GapRule,
  DecisionTree,
  PatternCategory,
  PatternLayers,
  PatternScenario,
} from '../schemas';
import { PatternGraph } from '../graph';
import { PatternDocument, PatternSummary } from '../types';
import { PatternAdoption, PatternUsage } from '../usage';
import { EntityPatternReport } from '../report';

/** The plugin id, and so the backend's base path `/api/patterns`. */
export const PATTERNS_PLUGIN_ID = 'patterns';

/** A list answer. */
export interface ItemsResponse<T> {
  items: T[];
}

/** GET /health (unauthenticated). */
export interface HealthResponse {
  status: 'ok';
}

/** GET /v1/graph: the related-pattern graph and the guide's layers. */
export interface PatternGraphResponse extends PatternGraph {
  layers?: PatternLayers;
}

/** Every route and its answer; paths are relative to the plugin's base URL. */
export interface PatternsApiContract {
  '/health': HealthResponse;
  '/v1/patterns': ItemsResponse<PatternSummary>;
  '/v1/patterns/:id': PatternDocument;
  '/v1/categories': ItemsResponse<PatternCategory>;
  '/v1/scenarios': ItemsResponse<PatternScenario>;
  '/v1/decision-tree': DecisionTree;
  '/v1/graph': PatternGraphResponse;
  '/v1/gaps': ItemsResponse<GapRule>;
  '/v1/patterns/:id/usage': PatternUsage;
  '/v1/adoption': PatternAdoption;
  '/v1/entities/:kind/:namespace/:name/patterns': EntityPatternReport;
}

export type PatternsApiRoute = keyof PatternsApiContract;

/** A route's path with its parameters filled in, each URI-encoded. */
export function patternsApiPath<R extends PatternsApiRoute>(
  route: R,
  params: Record<string, string> = {},
): string {
  return route.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`Missing parameter "${name}" for ${route}`);
    return encodeURIComponent(value);
  });
}
