import {
  PATTERN_SECTION_TITLES,
  patternFrontMatterSchema,
  PatternDocument,
  PatternSection,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentError } from './ContentProblem';
import { describeSchemaIssues } from './describeSchemaIssues';
import { splitFrontMatter } from './splitFrontMatter';
import { splitSections } from './splitSections';

/**
 * Parses one pattern document and checks its structure: front matter
 * fields, the nine sections in order, a diagram in How It Works and code in
 * Implementation Example. Throws a ContentError naming the file otherwise.
 */
export function parsePatternDocument(
  source: string,
  file: string,
): PatternDocument {
  const fail = (message: string): never => {
    throw new ContentError(file, message);
  };

  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(source);
  } catch (e) {
    return fail((e as Error).message);
  }
  const parsed = patternFrontMatterSchema.safeParse(split.data ?? {});
  if (!parsed.success) {
    return fail(`invalid front matter: ${describeSchemaIssues(parsed.error)}`);
  }
  const meta = parsed.data;

  const { sections, preamble } = splitSections(split.body);
  if (preamble) {
    fail(
      'text before the first "## Overview" section; the title comes from the front matter',
    );
  }
  const sectionProblem = describeSectionOrder(sections.map(s => s.title));
  if (sectionProblem) fail(sectionProblem);

  const section = (title: string) =>
    sections.find(s => s.title === title) as PatternSection;
  if (!section('How It Works').blocks.some(b => b.type === 'mermaid')) {
    fail('section "How It Works" has no ```mermaid diagram');
  }
  if (!section('Implementation Example').blocks.some(b => b.type === 'code')) {
    fail('section "Implementation Example" has no code block');
  }

  return { ...meta, sections };
}

/** Says what is wrong with the section headings, or undefined if nothing. */
export function describeSectionOrder(titles: string[]): string | undefined {
  const expected: readonly string[] = PATTERN_SECTION_TITLES;
  const missing = expected.filter(t => !titles.includes(t));
  if (missing.length > 0) {
    return `missing section${missing.length > 1 ? 's' : ''} ${missing
      .map(t => `"## ${t}"`)
      .join(', ')}`;
  }
  const unknown = titles.filter(t => !expected.includes(t));
  if (unknown.length > 0) {
    return `unexpected section ${unknown
      .map(t => `"## ${t}"`)
      .join(', ')}; use ### for sub-headings inside the nine sections`;
  }
  const duplicated = titles.find((t, i) => titles.indexOf(t) !== i);
  if (duplicated) return `section "## ${duplicated}" appears twice`;
  const misplaced = titles.findIndex((t, i) => t !== expected[i]);
  if (misplaced >= 0) {
    return `sections out of order: "## ${titles[misplaced]}" is at position ${
      misplaced + 1
    } where "## ${expected[misplaced]}" belongs (order: ${expected.join(
      ', ',
    )})`;
  }
  return undefined;
}
