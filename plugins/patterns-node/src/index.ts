/**
 * Loads and validates Architecture Patterns content. Ships the built-in
 * pattern catalog.
 *
 * @packageDocumentation
 */
export * from './content/ContentProblem';
export * from './content/types';
export {
  parsePatternDocument,
  describeSectionOrder,
} from './content/parsePatternDocument';
export { loadPatternContent } from './content/loadPatternContent';
export { builtInContentDirectory } from './content/builtInContentDirectory';
export {
  DefaultPatternContentService,
  contentDirectoriesFromConfig,
} from './service/PatternContentService';
export type { PatternContentService } from './service/PatternContentService';
export { patternContentServiceRef } from './service/patternContentServiceRef';
