import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DecisionTree,
  EntityPatternReport,
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
 * (everything but usage, adoption and the entity report) answer from one
 * shared copy per page load: the content only changes when the backend
 * reloads it. The others are read fresh on every call: they come from the
 * catalog, with the caller's permissions.
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
  /**
   * GET /v1/entities/:kind/:namespace/:name/patterns: one entity's patterns,
   * declared and detected, with their states, annotation problems, gaps and
   * suggestions. `entity` is an entity ref (`component:default/checkout`,
   * kind required) or its parts.
   */
  getEntityPatternReport(
    entity: string | CompoundEntityRef,
  ): Promise<EntityPatternReport>;
}

export const patternsApiRef = createApiRef<PatternsApi>({
  id: 'plugin.patterns.api',
});
