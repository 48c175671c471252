import { closest, distance } from 'fastest-levenshtein';
import { PATTERN_ENTITY_KIND, PATTERN_ENTITY_NAMESPACE } from './constants';

/** Values longer than this are rejected whole rather than parsed. */
export const MAX_ANNOTATION_LENGTH = 2000;
/** No pattern id is anywhere near this long; longer tokens are junk. */
const MAX_TOKEN_LENGTH = 80;
/** At most this many problems are reported for one value. */
const MAX_PROBLEMS = 10;
const SHOWN_TOKEN_LENGTH = 60;

const SEPARATORS = /[\s,]+/;
const PATTERN_REF_PREFIXES = [
  `${PATTERN_ENTITY_KIND}:${PATTERN_ENTITY_NAMESPACE}/`,
  `${PATTERN_ENTITY_KIND}:`,
];

/** The ids (and aliases) the annotation may name. */
export interface PatternIdIndex {
  ids: ReadonlySet<string>;
  /** alias → canonical id */
  aliases: ReadonlyMap<string, string>;
}

export function createPatternIdIndex(
  patterns: ReadonlyArray<{ id: string; aliases?: string[] }>,
): PatternIdIndex {
  const ids = new Set(patterns.map(p => p.id));
  const aliases = new Map<string, string>();
  for (const pattern of patterns) {
    for (const alias of pattern.aliases ?? []) {
      const key = alias.toLocaleLowerCase('en-US');
      if (!ids.has(key)) aliases.set(key, pattern.id);
    }
  }
  return { ids, aliases };
}

export interface AnnotationProblem {
  /** The offending part of the value, quoted and shortened for display. */
  value: string;
  message: string;
  /** The closest known id, when there is one worth suggesting. */
  suggestion?: string;
}

export interface ParsedPatternAnnotation {
  /** Known pattern ids, canonical, de-duplicated, in order of appearance. */
  ids: string[];
  problems: AnnotationProblem[];
}

/** Quotes a piece of user input for an error message: escaped, bounded. */
export function quoteForMessage(text: string): string {
  const shown =
    text.length > SHOWN_TOKEN_LENGTH
      ? `${text.slice(0, SHOWN_TOKEN_LENGTH)}…`
      : text;
  return JSON.stringify(shown);
}

/**
 * Splits an annotation value into lower-cased tokens: separated by commas
 * and/or whitespace, empty items and duplicates dropped. Entity-ref forms
 * (`pattern:saga`, `pattern:default/saga`) are reduced to the id.
 */
export function splitPatternAnnotation(value: string): string[] {
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

/** The closest known id to a mistyped one, if it is close enough to be a typo. */
export function suggestPatternId(
  token: string,
  index: PatternIdIndex,
): string | undefined {
  const candidates = [...index.ids, ...index.aliases.keys()];
  if (candidates.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return undefined;
  }
  const prefixed = [...index.ids].find(
    id => token.length >= 3 && id.startsWith(token),
  );
  if (prefixed) return prefixed;
  const best = closest(token, candidates);
  const allowed = Math.max(2, Math.floor(token.length * 0.4));
  if (distance(token, best) > allowed) return undefined;
  return index.aliases.get(best) ?? best;
}

/** Parses and validates a `system-design/patterns` annotation value. */
export function parsePatternAnnotation(
  value: string | undefined,
  index: PatternIdIndex,
): ParsedPatternAnnotation {
  if (value === undefined || value.trim() === '') {
    return { ids: [], problems: [] };
  }
  if (value.length > MAX_ANNOTATION_LENGTH) {
    return {
      ids: [],
      problems: [
        {
          value: quoteForMessage(value),
          message: `The value is ${value.length} characters long; the limit is ${MAX_ANNOTATION_LENGTH}. List pattern ids separated by commas.`,
        },
      ],
    };
  }

  const ids: string[] = [];
  const problems: AnnotationProblem[] = [];
  let omitted = 0;
  const report = (problem: AnnotationProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else omitted++;
  };

  for (const token of splitPatternAnnotation(value)) {
    const id = index.ids.has(token) ? token : index.aliases.get(token);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
      continue;
    }
    report(describeUnknownToken(token, index));
  }
  if (omitted > 0) {
    problems.push({
      value: '',
      message: `…and ${omitted} more unknown values.`,
    });
  }
  return { ids, problems };
}

function describeUnknownToken(
  token: string,
  index: PatternIdIndex,
): AnnotationProblem {
  const quoted = quoteForMessage(token);
  if (token.length > MAX_TOKEN_LENGTH) {
    return { value: quoted, message: `${quoted} is not a pattern id.` };
  }
  if (/[;|]/.test(token)) {
    const parts = token.split(/[;|]+/).filter(Boolean);
    const allKnown = parts.every(
      part => index.ids.has(part) || index.aliases.has(part),
    );
    return {
      value: quoted,
      message: `${quoted} is not a pattern id: separate pattern ids with commas or spaces${
        allKnown ? `, e.g. "${parts.join(', ')}"` : ''
      }.`,
    };
  }
  const suggestion = suggestPatternId(token, index);
  return {
    value: quoted,
    message: `Unknown pattern id ${quoted}${
      suggestion ? ` — did you mean ${suggestion}?` : '.'
    }`,
    suggestion,
  };
}

/**
 * The annotation value after adding ids: existing entries kept in their
 * order, new ones appended, duplicates dropped.
 */
export function mergePatternAnnotation(
  current: string | undefined,
  add: string[],
): string {
  const merged = splitPatternAnnotation(current ?? '');
  for (const id of add) if (!merged.includes(id)) merged.push(id);
  return merged.join(', ');
}
