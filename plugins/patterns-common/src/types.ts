/** The kinds of link between two patterns. */
export type PatternRelationType =
  | 'complements'
  | 'alternative'
  | 'builds-on'
  | 'enables';

export interface PatternRelation {
  id: string;
  relation: PatternRelationType;
}

/** What lists and cards need about a pattern. */
export interface PatternSummary {
  id: string;
  title: string;
  category: string;
  bestFor: string;
  tradeoff: string;
  summary: string;
  aliases: string[];
  related: PatternRelation[];
}

/** A piece of a section: prose, a Mermaid diagram, or a code block. */
export type PatternBlock =
  | { type: 'markdown'; text: string }
  | { type: 'mermaid'; text: string }
  | { type: 'code'; language: string; text: string };

export interface PatternSection {
  /** Stable slug of the title, e.g. `when-not-to-use`. */
  id: string;
  title: string;
  /** The section's markdown, code blocks included, as written. */
  markdown: string;
  blocks: PatternBlock[];
}

/** A whole pattern document. */
export interface PatternDocument extends PatternSummary {
  references: string[];
  sections: PatternSection[];
}

export interface PatternCategory {
  id: string;
  title: string;
  focus: string;
  description: string;
  /** Pattern ids in display order. */
  patterns: string[];
}

export interface PatternScenario {
  scenario: string;
  patterns: string[];
}
