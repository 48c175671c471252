import { z } from 'zod';

/** What is wrong with (part of) an annotation value. */
export const ANNOTATION_PROBLEM_KINDS = [
  /** The value is not a string. */
  'not-a-string',
  /** The value is longer than MAX_ANNOTATION_LENGTH and was not parsed. */
  'too-long',
  /** A token names no pattern id or alias. */
  'unknown-id',
  /** A token joins ids with `;` or `|` instead of commas or spaces. */
  'separator',
  /** More problems than are listed; `message` says how many. */
  'more',
] as const;

/**
 * One problem with a `system-design/patterns` value, as structured data: the
 * catalog module stores it on the entity's status and every reader shows it
 * from these fields, never by parsing the message back.
 */
export const annotationProblemSchema = z.object({
  kind: z.enum(ANNOTATION_PROBLEM_KINDS),
  /** The offending token as written (lower-cased, shortened); empty when the problem is the whole value. */
  token: z.string(),
  /** A sentence for people: what is wrong and how to fix it. */
  message: z.string(),
  /** The closest known id, when there is one worth suggesting. */
  suggestion: z.string().optional(),
});

export type AnnotationProblemKind = (typeof ANNOTATION_PROBLEM_KINDS)[number];
export type AnnotationProblem = z.infer<typeof annotationProblemSchema>;
