/** Helpers for tests that need pattern content on disk. */
export {
  patternDocumentSource,
  writeContentDirectory,
} from './patternDocumentSource';
export type { DocumentOptions } from './patternDocumentSource';
