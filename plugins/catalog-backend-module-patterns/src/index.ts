/**
 * Catalog module for Architecture Patterns: validates the
 * `system-design/patterns` annotation and emits `usesPattern` relations.
 *
 * @packageDocumentation
 */
export { catalogModulePatterns as default } from './module';
export { PatternAnnotationProcessor } from './processor/PatternAnnotationProcessor';
export type { PatternAnnotationProcessorOptions } from './processor/PatternAnnotationProcessor';
