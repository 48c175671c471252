/**
 * Tech Insights module for Architecture Patterns: a fact retriever with each
 * entity's pattern facts and example scorecard checks.
 *
 * @packageDocumentation
 */
export { techInsightsModulePatterns as default } from './module';
export {
  createPatternsFactRetriever,
  PATTERN_FACT_ENTITY_FILTER,
} from './retriever/createPatternsFactRetriever';
export type { PatternsFactRetrieverOptions } from './retriever/createPatternsFactRetriever';
export {
  PATTERNS_FACT_RETRIEVER_ID,
  PATTERN_FACTS,
  patternFactSchema,
  patternFactsOf,
} from './retriever/patternFacts';
export { patternChecks, patternCheckList } from './checks/patternChecks';
export type { PatternCheckConfig } from './checks/patternChecks';
