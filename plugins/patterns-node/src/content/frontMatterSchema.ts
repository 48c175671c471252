import { z } from 'zod';
import {
  PATTERN_RELATION_TYPES,
  RESERVED_PATTERN_IDS,
} from '@system-design/backstage-plugin-patterns-common';

export const PATTERN_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const patternId = z
  .string()
  .regex(
    PATTERN_ID_PATTERN,
    'must be lower-case letters and digits separated by hyphens',
  );

const ownPatternId = patternId.refine(
  id => !(RESERVED_PATTERN_IDS as readonly string[]).includes(id),
  id => ({
    message: `"${id}" is reserved for the page /patterns/${id}; choose another id`,
  }),
);

export const frontMatterSchema = z.object({
  id: ownPatternId,
  title: z.string().trim().min(1),
  category: z.string().trim().min(1),
  bestFor: z.string().trim().min(1),
  tradeoff: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  related: z
    .array(z.object({ id: patternId, relation: z.enum(PATTERN_RELATION_TYPES) }))
    .default([]),
  references: z.array(z.string().url()).default([]),
});

export type PatternFrontMatter = z.infer<typeof frontMatterSchema>;

/** Turns zod issues into one readable sentence naming each field. */
export function describeSchemaIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => `${issue.path.join('.') || 'front matter'}: ${issue.message}`)
    .join('; ');
}
