/** The annotation a catalog entity uses to declare the patterns it implements. */
export const PATTERNS_ANNOTATION = 'system-design/patterns';

/** The relation the catalog module emits from an entity to each pattern it uses. */
export const RELATION_USES_PATTERN = 'usesPattern';

/** Relation types are indexed lower-cased by the catalog. */
export const RELATION_USES_PATTERN_FILTER_KEY = 'relations.usespattern';

/** The relation the catalog module emits from an entity to each pattern its files or catalog fields show evidence of. */
export const RELATION_HAS_PATTERN_EVIDENCE = 'hasPatternEvidence';

export const RELATION_HAS_PATTERN_EVIDENCE_FILTER_KEY =
  'relations.haspatternevidence';

/**
 * The annotation the catalog module writes with the evidence it found
 * (JSON, bounded): people do not write it, and a value they write is replaced.
 */
export const PATTERN_EVIDENCE_ANNOTATION = 'system-design/pattern-evidence';

export const PATTERN_ENTITY_KIND = 'pattern';
export const PATTERN_ENTITY_NAMESPACE = 'default';

/** The nine sections of every pattern document, in order. */
export const PATTERN_SECTION_TITLES = [
  'Overview',
  'Why Use It',
  'When to Use',
  'When NOT to Use',
  'How It Works',
  'Pros and Cons',
  'Implementation Example',
  'Real-World Examples',
  'Related Patterns',
] as const;

/**
 * The operations subsections every document has inside its nine sections:
 * how the pattern fails and what to watch under How It Works, how to test
 * it under Implementation Example.
 */
export const PATTERN_OPERATIONS_SUBSECTIONS: Readonly<
  Partial<Record<(typeof PATTERN_SECTION_TITLES)[number], readonly string[]>>
> = {
  'How It Works': ['Failure modes', 'What to monitor'],
  'Implementation Example': ['Testing it'],
};

/** `pattern:default/<id>`: the target of a usesPattern relation. */
export function patternEntityRef(id: string): string {
  return `${PATTERN_ENTITY_KIND}:${PATTERN_ENTITY_NAMESPACE}/${id}`;
}

/** The pattern id of a `pattern:default/<id>` ref, or undefined for other refs. */
export function patternIdFromRef(ref: string): string | undefined {
  const prefix = `${PATTERN_ENTITY_KIND}:${PATTERN_ENTITY_NAMESPACE}/`;
  return ref.toLocaleLowerCase('en-US').startsWith(prefix)
    ? ref.slice(prefix.length).toLocaleLowerCase('en-US')
    : undefined;
}

export function sectionSlug(title: string): string {
  return title
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
