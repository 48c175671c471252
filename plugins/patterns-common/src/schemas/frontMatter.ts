import { z } from 'zod';
import { PATTERN_RELATION_TYPES } from '../relations';
import { ownPatternIdSchema, patternIdSchema } from './patternId';

/** `{ id, relation }`: one entry of a document's `related` list. */
export const patternRelationSchema = z.object({
  id: patternIdSchema,
  relation: z.enum(PATTERN_RELATION_TYPES),
});

/**
 * The front matter of a pattern document. Aliases follow the id rule (one
 * annotation token each, lower-case); references are kept as written and
 * checked by the loader and the lint, so one bad link does not cost the
 * whole document.
 */
export const patternFrontMatterSchema = z.object({
  id: ownPatternIdSchema,
  title: z.string().trim().min(1),
  category: patternIdSchema,
  bestFor: z.string().trim().min(1),
  tradeoff: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  aliases: z
    .array(
      z
        .string()
        .trim()
        .transform(alias => alias.toLocaleLowerCase('en-US'))
        .pipe(patternIdSchema),
    )
    .default([]),
  related: z.array(patternRelationSchema).default([]),
  references: z.array(z.string().trim().min(1)).default([]),
});

export type PatternFrontMatter = z.infer<typeof patternFrontMatterSchema>;
export type PatternRelation = z.infer<typeof patternRelationSchema>;
