import { createApiRef } from '@backstage/core-plugin-api';
import {
  DecisionTree,
  GapRule,
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternGraph,
  PatternLayers,
  PatternSummary,
  PatternUsage,
  PatternAdoption,
} from '@system-design/backstage-plugin-patterns-common';

/** GET /v1/graph: the related-pattern graph and the guide's layers. */
export interface PatternGraphResponse extends PatternGraph {
  layers?: PatternLayers;
}

/** Reads the pattern catalog from the patterns backend. */
export interface PatternsApi {
  listPatterns(): Promise<PatternSummary[]>;
  getPattern(id: string): Promise<PatternDocument>;
  listCategories(): Promise<PatternCategory[]>;
  listScenarios(): Promise<PatternScenario[]>;
  getDecisionTree(): Promise<DecisionTree>;
  getGraph(): Promise<PatternGraphResponse>;
  /** GET /v1/gaps: the risky-combination rules. */
  listGaps(): Promise<GapRule[]>;
  getPatternUsage(id: string): Promise<PatternUsage>;
  getAdoption(): Promise<PatternAdoption>;
}

export const patternsApiRef = createApiRef<PatternsApi>({
  id: 'plugin.patterns.api',
});
