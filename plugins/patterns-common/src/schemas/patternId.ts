import { z } from 'zod';

/**
 * The one rule for pattern ids, aliases, category ids, gap rule ids and
 * decision-tree node ids: lower-case letters and digits in words joined by
 * single hyphens (`circuit-breaker`). An alias follows the same rule, so it
 * is one token of the annotation value, which is split at commas and
 * whitespace: a multi-word alias could never match.
 */
export const PATTERN_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const PATTERN_ID_RULE =
  'must be lower-case letters and digits in words joined by hyphens, e.g. "circuit-breaker"';

/** Whether a string is a well-formed pattern id (or alias). */
export function isPatternId(value: string): boolean {
  return PATTERN_ID_PATTERN.test(value);
}

/** A well-formed id of a pattern, category, rule or decision-tree node. */
export const patternIdSchema = z
  .string()
  .regex(PATTERN_ID_PATTERN, PATTERN_ID_RULE);

/**
 * Paths under `/patterns` that are pages of the plugin, so no pattern can
 * have them as its id: its page could never be opened.
 */
export const RESERVED_PATTERN_IDS = [
  'guide',
  'wizard',
  'graph',
  'adoption',
] as const;

/** A pattern's own id: well-formed and not a page of the plugin. */
export const ownPatternIdSchema = patternIdSchema.refine(
  id => !(RESERVED_PATTERN_IDS as readonly string[]).includes(id),
  id => ({
    message: `"${id}" is reserved for the page /patterns/${id}; choose another id`,
  }),
);
