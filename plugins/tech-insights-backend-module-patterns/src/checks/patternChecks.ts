import {
  PATTERN_FACTS,
  PATTERNS_FACT_RETRIEVER_ID,
} from '../retriever/patternFacts';

/**
 * A JSON-rules check as `techInsights.factChecker.checks.<id>` holds it in
 * app-config (the format of
 * `@backstage-community/plugin-tech-insights-backend-module-jsonfc`).
 */
export interface PatternCheckConfig {
  type: 'json-rules-engine';
  name: string;
  description: string;
  factIds: string[];
  rule: {
    conditions: {
      all: Array<{
        fact: string;
        operator: string;
        value: number | boolean | string;
      }>;
    };
  };
}

/**
 * The example scorecard: three JSON-rules checks over the pattern facts,
 * keyed by check id. The example portal's app-config.yaml lists exactly
 * these (a test keeps them equal); copy them into yours.
 */
export const patternChecks: Record<string, PatternCheckConfig> = {
  patternsDeclared: {
    type: 'json-rules-engine',
    name: 'Declares its patterns',
    description:
      'The entity names the architecture patterns it uses in the system-design/patterns annotation of its catalog-info.yaml',
    factIds: [PATTERNS_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          {
            fact: PATTERN_FACTS.declaredPatternCount,
            operator: 'greaterThan',
            value: 0,
          },
        ],
      },
    },
  },
  patternsNoRiskyGaps: {
    type: 'json-rules-engine',
    name: 'No risky pattern gaps',
    description:
      'The patterns the entity uses leave no risky gap, such as retries without a timeout or a saga without an outbox (see its Patterns tab)',
    factIds: [PATTERNS_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          { fact: PATTERN_FACTS.riskyGapCount, operator: 'equal', value: 0 },
        ],
      },
    },
  },
  patternsAnnotationValid: {
    type: 'json-rules-engine',
    name: 'Patterns annotation has no problems',
    description:
      'Every id in the system-design/patterns annotation names a known pattern, separated by commas or spaces',
    factIds: [PATTERNS_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          {
            fact: PATTERN_FACTS.annotationProblemCount,
            operator: 'equal',
            value: 0,
          },
        ],
      },
    },
  },
};

/**
 * The checks as a list with their ids, fresh copies each call (the JSON
 * rules engine writes into the rules it is given), e.g. for
 * `new JsonRulesEngineFactCheckerFactory({ checks: patternCheckList(), … })`.
 */
export function patternCheckList(): Array<PatternCheckConfig & { id: string }> {
  return Object.entries(patternChecks).map(([id, check]) => ({
    id,
    ...structuredClone(check),
  }));
}
