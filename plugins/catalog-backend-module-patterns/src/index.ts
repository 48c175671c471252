/**
 * Catalog module for Architecture Patterns: validates the
 * `system-design/patterns` annotation and emits `usesPattern` relations;
 * detects the patterns an entity really uses and emits `hasPatternEvidence`
 * relations.
 *
 * @packageDocumentation
 */
export { catalogModulePatterns as default } from './module';
export { PatternAnnotationProcessor } from './processor/PatternAnnotationProcessor';
export type { PatternAnnotationProcessorOptions } from './processor/PatternAnnotationProcessor';
export { PatternEvidenceProcessor } from './evidence/PatternEvidenceProcessor';
export type {
  EvidenceRuleSet,
  PatternEvidenceProcessorOptions,
} from './evidence/PatternEvidenceProcessor';
export type { ApiTypeSource } from './evidence/apiTypes';
export { CatalogApiTypeSource } from './evidence/apiTypes';
export type { EvidenceOptions } from './evidence/evidenceOptions';
export {
  readEvidenceOptions,
  DEFAULT_EVIDENCE_OPTIONS,
} from './evidence/evidenceOptions';
