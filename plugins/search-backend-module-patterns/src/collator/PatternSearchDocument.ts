import { IndexableDocument } from '@backstage/plugin-search-common';

/** The search result type for patterns. */
export const PATTERN_SEARCH_TYPE = 'pattern';

/** A pattern as indexed by search. */
export interface PatternSearchDocument extends IndexableDocument {
  patternId: string;
  category: string;
  summary: string;
  bestFor: string;
  tradeoff: string;
}
