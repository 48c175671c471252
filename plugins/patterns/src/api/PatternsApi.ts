import { createApiRef } from '@backstage/core-plugin-api';
import {
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';

/** Reads the pattern catalog from the patterns backend. */
export interface PatternsApi {
  listPatterns(): Promise<PatternSummary[]>;
  getPattern(id: string): Promise<PatternDocument>;
  listCategories(): Promise<PatternCategory[]>;
  listScenarios(): Promise<PatternScenario[]>;
}

export const patternsApiRef = createApiRef<PatternsApi>({
  id: 'plugin.patterns.api',
});
