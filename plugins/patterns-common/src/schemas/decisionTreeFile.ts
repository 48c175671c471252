import { z } from 'zod';
import { patternIdSchema } from './patternId';

export const decisionAnswerSchema = z
  .object({
    label: z.string().trim().min(1),
    /** A question, outcome or exit id. */
    next: patternIdSchema,
  })
  .strict();

export const decisionQuestionSchema = z
  .object({
    text: z.string().trim().min(1),
    answers: z.array(decisionAnswerSchema),
  })
  .strict();

/** A pattern in an outcome set, and why it is there. */
export const patternReasonSchema = z
  .object({
    id: patternIdSchema,
    why: z.string().trim().min(1),
  })
  .strict();

/**
 * Something cheaper to check first, or to do instead: a pattern of the
 * catalog (`id`) or anything else with a title and a link.
 */
export const decisionAlternativeSchema = z
  .object({
    id: patternIdSchema.optional(),
    title: z.string().trim().min(1).optional(),
    link: z.string().trim().min(1).optional(),
    why: z.string().trim().min(1),
  })
  .refine(
    a => a.id !== undefined || (a.title !== undefined && a.link !== undefined),
    {
      message: 'an alternative names a pattern id, or a title and a link',
    },
  );

const outcomeFields = z
  .object({
    /** The recommended pattern. */
    primary: patternIdSchema,
    /** One line on why, agreeing with the primary document's When to Use. */
    why: z.string().trim().min(1),
    /** The patterns the primary needs with it, each with its reason. */
    with: z.array(patternReasonSchema).default([]),
    /** Cheaper answers to check first (agreeing with the document's When NOT to Use). */
    alternatives: z.array(decisionAlternativeSchema).default([]),
  })
  .strict();

/**
 * An outcome: a set of patterns. Older content that lists `patterns: [a, b]`
 * is read as primary `a` with `b` as a companion, for the same reason.
 */
export const decisionOutcomeSchema = z.preprocess(value => {
  if (
    value &&
    typeof value === 'object' &&
    'patterns' in value &&
    !('primary' in value)
  ) {
    const { patterns, ...rest } = value as { patterns: unknown; why?: unknown };
    if (Array.isArray(patterns) && patterns.length > 0) {
      return {
        ...rest,
        primary: patterns[0],
        with: patterns.slice(1).map(id => ({ id, why: rest.why })),
      };
    }
  }
  return value;
}, outcomeFields);

/** A "you may not need this" end: what to do instead of a pattern. */
export const decisionExitSchema = z
  .object({
    /** e.g. "You may not need CQRS". */
    title: z.string().trim().min(1),
    why: z.string().trim().min(1),
    /** What to do instead; at least one. */
    instead: z.array(decisionAlternativeSchema).min(1),
  })
  .strict();

/** A concern the wizard can take up after an outcome, and the question it starts at. */
export const decisionConcernSchema = z
  .object({
    id: patternIdSchema,
    title: z.string().trim().min(1),
    start: patternIdSchema,
  })
  .strict();

/** Where the guide's flowchart begins: its caption and the first question. */
const decisionStartSchema = decisionQuestionSchema
  .pick({ text: true })
  .extend({ next: patternIdSchema });

/** `decision-tree.yaml`; a later directory may give only the parts it changes. */
export const decisionTreeFileSchema = z
  .object({
    start: decisionStartSchema.optional(),
    concerns: z.array(decisionConcernSchema).default([]),
    questions: z.record(patternIdSchema, decisionQuestionSchema).default({}),
    /**
     * Answers to add to questions of earlier directories, without repeating
     * (and so without freezing) their other answers. Only in content files.
     */
    appendAnswers: z
      .record(patternIdSchema, z.array(decisionAnswerSchema))
      .default({}),
    outcomes: z.record(patternIdSchema, decisionOutcomeSchema).default({}),
    exits: z.record(patternIdSchema, decisionExitSchema).default({}),
  })
  .strict();

/** The merged tree the wizard walks: every part present. */
export const decisionTreeSchema = decisionTreeFileSchema
  .omit({ appendAnswers: true })
  .required({ start: true });

export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;
export type DecisionQuestion = z.infer<typeof decisionQuestionSchema>;
export type PatternReason = z.infer<typeof patternReasonSchema>;
export type DecisionAlternative = z.infer<typeof decisionAlternativeSchema>;
export type DecisionOutcome = z.infer<typeof outcomeFields>;
export type DecisionExit = z.infer<typeof decisionExitSchema>;
export type DecisionConcern = z.infer<typeof decisionConcernSchema>;
export type DecisionTreeFile = z.infer<typeof decisionTreeFileSchema>;
/** The wizard's questions, outcomes and exits; the guide's flowchart is drawn from it too. */
export type DecisionTree = z.infer<typeof decisionTreeSchema>;

/** The ids of an outcome's set: the primary first, then its companions. */
export function outcomePatternIds(outcome: DecisionOutcome): string[] {
  return [outcome.primary, ...outcome.with.map(w => w.id)];
}
