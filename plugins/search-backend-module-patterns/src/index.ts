/**
 * Search module for Architecture Patterns: indexes every pattern document.
 *
 * @packageDocumentation
 */
export { searchModulePatterns as default } from './module';
export { PatternCollatorFactory } from './collator/PatternCollatorFactory';
export { PATTERN_SEARCH_TYPE } from './collator/PatternSearchDocument';
export type { PatternSearchDocument } from './collator/PatternSearchDocument';
