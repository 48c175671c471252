import { PatternFrontMatter } from './schemas';

/** What lists and cards need about a pattern: its front matter without the references. */
export type PatternSummary = Omit<PatternFrontMatter, 'references'>;

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

/** A whole pattern document: every front-matter field, then its sections in order. */
export type PatternDocument = PatternFrontMatter & {
  sections: PatternSection[];
};
