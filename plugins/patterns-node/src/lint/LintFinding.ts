/** The rules of the content lint; each finding names the one it broke. */
export const LINT_RULES = [
  /** Front matter, the nine sections, a diagram, code (parsePatternDocument). */
  'structure',
  /** A document's category is not in any categories.yaml. */
  'unknown-category',
  /** A `related` id names no document. */
  'dangling-related',
  /** Two documents of one directory share an id. */
  'duplicate-id',
  /** A document lives elsewhere than `patterns/<category>/<id>.md`. */
  'layout',
  /** Smaller format rules: no `#` headings, a table in Pros and Cons, ts or yaml in Implementation Example. */
  'format',
  /** A `related` link that the target does not declare back with the inverse relation. */
  'one-sided-link',
  /** Too little prose outside fenced code blocks. */
  'word-floor',
  /** Numbers in the prose but no `references`, a source link missing from `references`, or a reference that is not an https URL. */
  'references',
  /** Real-World Examples links fewer than two public sources. */
  'real-world-sources',
  /** A ```mermaid block that Mermaid rejects. */
  'mermaid',
  /** The document's ```ts blocks, joined into one module, do not type-check. */
  'typescript',
  /** A ```yaml block that does not parse. */
  'yaml',
  /** Related Patterns does not link exactly the front matter's related ids. */
  'section-links',
  /** A link in the prose whose scheme is not http(s), mailto or a relative path (javascript:, data:, …). */
  'unsafe-link',
  /** A `### Failure modes`, `### What to monitor` or `### Testing it` subsection is missing. */
  'operations',
  /**
   * `evidence.yaml`: a rule that does not parse, names an unknown pattern or
   * repeats an id; a package two rules claim; a manifest kind or API group
   * written the wrong way.
   */
  'evidence',
] as const;

export type LintRule = (typeof LINT_RULES)[number];

/** One thing wrong with one content file. */
export interface LintFinding {
  /** The file, relative to the lint's base directory (by default the content directory's parent). */
  file: string;
  rule: LintRule;
  message: string;
}

/** `content/patterns/data/saga.md: [mermaid] …`: one readable line per finding. */
export function formatFinding(finding: LintFinding): string {
  return `${finding.file}: [${finding.rule}] ${finding.message}`;
}
