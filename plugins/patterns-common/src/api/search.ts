/** The search result type of pattern documents. */
export const PATTERN_SEARCH_TYPE = 'pattern';

/** A pattern as the search collator indexes it (an IndexableDocument of Backstage search). */
export interface PatternSearchDocument {
  title: string;
  text: string;
  location: string;
  patternId: string;
  /** The category's title. */
  category: string;
  summary: string;
  bestFor: string;
  tradeoff: string;
}
