import { Entity } from '@backstage/catalog-model';
import {
  PATTERN_ENTITY_KIND,
  PATTERN_ENTITY_NAMESPACE,
  PATTERNS_ANNOTATION,
} from '../constants';
import { AnnotationProblem } from './annotationProblem';
import { lookupPatternId, PatternIdIndex } from './patternIdIndex';
import { MAX_TOKEN_LENGTH, suggestPatternId } from './suggestPatternId';

/** Values longer than this are rejected whole rather than parsed. */
export const MAX_ANNOTATION_LENGTH = 2000;
/** At most this many problems are listed for one value. */
export const MAX_ANNOTATION_PROBLEMS = 10;
const SHOWN_TOKEN_LENGTH = 60;

const SEPARATORS = /[\s,]+/;
const PATTERN_REF_PREFIXES = [
  `${PATTERN_ENTITY_KIND}:${PATTERN_ENTITY_NAMESPACE}/`,
  `${PATTERN_ENTITY_KIND}:`,
];

/** The patterns an annotation value names, resolved against the known ids. */
export interface ResolvedPatternAnnotation {
  /** Whether the value was given at all. */
  present: boolean;
  /** The value as written ('' when absent or not a string). */
  value: string;
  /** Known pattern ids, canonical (aliases resolved), de-duplicated, in order of appearance. */
  ids: string[];
  problems: AnnotationProblem[];
  /**
   * The value with aliases replaced by ids and typos by their closest ids
   * (tokens without one dropped), when a problem has a suggestion.
   */
  corrected?: string;
}

/** Quotes a piece of user input for a message: escaped, bounded. */
export function quoteForMessage(text: string): string {
  const shown =
    text.length > SHOWN_TOKEN_LENGTH
      ? `${text.slice(0, SHOWN_TOKEN_LENGTH)}…`
      : text;
  return JSON.stringify(shown);
}

/**
 * The one reading of a `system-design/patterns` value, used by the catalog
 * module and every view: tokens separated by commas and/or whitespace,
 * case-insensitive, `pattern:` refs reduced to ids, aliases resolved,
 * duplicates dropped, bounded in length and in the number of problems.
 */
export function resolvePatternAnnotation(
  value: unknown,
  index: PatternIdIndex,
): ResolvedPatternAnnotation {
  if (value === undefined || value === null) {
    return { present: false, value: '', ids: [], problems: [] };
  }
  if (typeof value !== 'string') {
    return {
      present: true,
      value: '',
      ids: [],
      problems: [
        {
          kind: 'not-a-string',
          token: '',
          message: 'The value must be a string of pattern ids.',
        },
      ],
    };
  }
  if (value.length > MAX_ANNOTATION_LENGTH) {
    return {
      present: true,
      value,
      ids: [],
      problems: [
        {
          kind: 'too-long',
          token: '',
          message: `The value is ${value.length} characters long; the limit is ${MAX_ANNOTATION_LENGTH}. List pattern ids separated by commas.`,
        },
      ],
    };
  }

  const ids: string[] = [];
  const problems: AnnotationProblem[] = [];
  let omitted = 0;
  const corrected: string[] = [];
  for (const token of splitPatternAnnotation(value)) {
    const id = lookupPatternId(token, index);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
      corrected.push(id);
      continue;
    }
    const problem = describeUnknownToken(token, index);
    if (problem.suggestion) corrected.push(problem.suggestion);
    if (problems.length < MAX_ANNOTATION_PROBLEMS) problems.push(problem);
    else omitted++;
  }
  if (omitted > 0) {
    problems.push({
      kind: 'more',
      token: '',
      message: `…and ${omitted} more unknown values.`,
    });
  }
  const hasSuggestion = problems.some(p => p.suggestion);
  return {
    present: true,
    value,
    ids,
    problems,
    corrected: hasSuggestion ? [...new Set(corrected)].join(', ') : undefined,
  };
}

/** The entity's `system-design/patterns` annotation, resolved. */
export function resolveEntityPatterns(
  entity: Entity,
  index: PatternIdIndex,
): ResolvedPatternAnnotation {
  return resolvePatternAnnotation(
    entity.metadata.annotations?.[PATTERNS_ANNOTATION],
    index,
  );
}

/**
 * Splits a value into lower-cased tokens: separated by commas and/or
 * whitespace, empty items and duplicates dropped, entity-ref forms
 * (`pattern:saga`, `pattern:default/saga`) reduced to the id.
 */
function splitPatternAnnotation(value: string): string[] {
  const tokens = value
    .split(SEPARATORS)
    .map(token => token.trim().toLocaleLowerCase('en-US'))
    .filter(Boolean)
    .map(stripPatternRefPrefix);
  return [...new Set(tokens)];
}

function stripPatternRefPrefix(token: string): string {
  const prefix = PATTERN_REF_PREFIXES.find(p => token.startsWith(p));
  return prefix ? token.slice(prefix.length) : token;
}

function describeUnknownToken(
  token: string,
  index: PatternIdIndex,
): AnnotationProblem {
  const quoted = quoteForMessage(token);
  const shown =
    token.length > SHOWN_TOKEN_LENGTH
      ? `${token.slice(0, SHOWN_TOKEN_LENGTH)}…`
      : token;
  if (token.length > MAX_TOKEN_LENGTH) {
    return {
      kind: 'unknown-id',
      token: shown,
      message: `${quoted} is not a pattern id.`,
    };
  }
  if (/[;|]/.test(token)) {
    const parts = token.split(/[;|]+/).filter(Boolean);
    const resolved = parts.map(part => lookupPatternId(part, index));
    const allKnown = resolved.every(Boolean);
    return {
      kind: 'separator',
      token: shown,
      message: `${quoted} is not a pattern id: separate pattern ids with commas or spaces${
        allKnown ? `, e.g. "${parts.join(', ')}"` : ''
      }.`,
    };
  }
  const suggestion = suggestPatternId(token, index);
  return {
    kind: 'unknown-id',
    token: shown,
    message: `Unknown pattern id ${quoted}${
      suggestion ? ` — did you mean ${suggestion}?` : '.'
    }`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * The annotation value after adding ids: the tokens already there kept in
 * their order (known ones as their canonical ids, so an alias is not
 * declared twice; unknown ones as written, so nothing is lost), new ones
 * appended, duplicates dropped.
 */
export function mergePatternAnnotation(
  current: unknown,
  add: readonly string[],
  index: PatternIdIndex,
): string {
  const tokens =
    typeof current === 'string' ? splitPatternAnnotation(current) : [];
  const merged: string[] = [];
  for (const token of tokens) {
    const id = lookupPatternId(token, index) ?? token;
    if (!merged.includes(id)) merged.push(id);
  }
  for (const id of add) if (!merged.includes(id)) merged.push(id);
  return merged.join(', ');
}
