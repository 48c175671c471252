/**
 * Search module for Architecture Patterns: indexes every pattern document.
 *
 * @packageDocumentation
 */
export { searchModulePatterns as default } from './module';
export { PatternCollatorFactory } from './collator/PatternCollatorFactory';
export { PATTERN_SEARCH_TYPE } from '@system-design/backstage-plugin-patterns-common';
export type { PatternSearchDocument } from '@system-design/backstage-plugin-patterns-common';
