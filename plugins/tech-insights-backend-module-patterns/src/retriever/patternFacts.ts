import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import { EntityPatternReport } from '@system-design/backstage-plugin-patterns-common';

/** The id of the fact retriever, the `factIds` entry of the checks and its key under `techInsights.factRetrievers`. */
export const PATTERNS_FACT_RETRIEVER_ID = 'patternsFactRetriever';

/** The fact names, as the checks' conditions name them. */
export const PATTERN_FACTS = {
  annotated: 'annotated',
  declaredPatterns: 'declaredPatterns',
  declaredPatternCount: 'declaredPatternCount',
  detectedPatterns: 'detectedPatterns',
  detectedNotDeclaredCount: 'detectedNotDeclaredCount',
  annotationProblemCount: 'annotationProblemCount',
  gapCount: 'gapCount',
  riskyGapCount: 'riskyGapCount',
  gapRuleIds: 'gapRuleIds',
} as const;

/** The schema of the facts, for the Tech Insights fact schema store. */
export const patternFactSchema: FactSchema = {
  [PATTERN_FACTS.annotated]: {
    type: 'boolean',
    description: 'Whether the entity has the system-design/patterns annotation',
  },
  [PATTERN_FACTS.declaredPatterns]: {
    type: 'set',
    description:
      'The pattern ids the annotation declares, aliases resolved, unknown ids left out',
  },
  [PATTERN_FACTS.declaredPatternCount]: {
    type: 'integer',
    description: 'How many known patterns the annotation declares',
  },
  [PATTERN_FACTS.detectedPatterns]: {
    type: 'set',
    description:
      'The pattern ids with evidence in the entity’s files or catalog fields; empty where no detector runs',
  },
  [PATTERN_FACTS.detectedNotDeclaredCount]: {
    type: 'integer',
    description: 'How many detected patterns the annotation does not declare',
  },
  [PATTERN_FACTS.annotationProblemCount]: {
    type: 'integer',
    description:
      'Problems with the annotation value: unknown ids, wrong separators, a value too long',
  },
  [PATTERN_FACTS.gapCount]: {
    type: 'integer',
    description:
      'Risky combinations among the patterns used (declared or detected), warnings and advice',
  },
  [PATTERN_FACTS.riskyGapCount]: {
    type: 'integer',
    description:
      'Of those, the warnings: real risks such as retries without a timeout',
  },
  [PATTERN_FACTS.gapRuleIds]: {
    type: 'set',
    description:
      'The ids of the gap rules that fired, e.g. retry-without-timeout',
  },
};

/** The fact values of one entity, from its pattern report. */
export function patternFactsOf(report: EntityPatternReport) {
  return {
    [PATTERN_FACTS.annotated]: report.annotated,
    [PATTERN_FACTS.declaredPatterns]: report.declared,
    [PATTERN_FACTS.declaredPatternCount]: report.declared.length,
    [PATTERN_FACTS.detectedPatterns]: report.detected.map(d => d.id),
    [PATTERN_FACTS.detectedNotDeclaredCount]: report.states.filter(
      s => s.state === 'detected-not-declared',
    ).length,
    [PATTERN_FACTS.annotationProblemCount]: report.problems.length,
    [PATTERN_FACTS.gapCount]: report.gaps.length,
    [PATTERN_FACTS.riskyGapCount]: report.gaps.filter(
      g => g.severity === 'warning',
    ).length,
    [PATTERN_FACTS.gapRuleIds]: report.gaps.map(g => g.ruleId),
  };
}
