import { createApiRef } from '@backstage/core-plugin-api';
import {
  DecisionTree,
  GapRule,
  PatternAdoption,
  PatternCategory,
  PatternDocument,
  PatternGraphResponse,
  PatternScenario,
  PatternSummary,
  PatternUsage,
} from '@system-design/backstage-plugin-patterns-common';

/**
 * Reads the pattern catalog from the patterns backend. The content methods
 * (everything but usage and adoption) answer from one shared copy per page
 * load: the content only changes when the backend reloads it.
 */
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
