import { z } from 'zod';
import { patternIdSchema } from './patternId';

export const decisionAnswerSchema = z.object({
  label: z.string().trim().min(1),
  /** A question id or an outcome id. */
  next: patternIdSchema,
});

export const decisionQuestionSchema = z.object({
  text: z.string().trim().min(1),
  answers: z.array(decisionAnswerSchema),
});

export const decisionOutcomeSchema = z.object({
  /** The recommended pattern ids. */
  patterns: z.array(patternIdSchema).min(1),
  /** One line on why. */
  why: z.string().trim().min(1),
});

const decisionStartSchema = z.object({
  text: z.string().trim().min(1),
  next: patternIdSchema,
});

/** `decision-tree.yaml`; a later directory may give only the parts it changes. */
export const decisionTreeFileSchema = z.object({
  start: decisionStartSchema.optional(),
  questions: z.record(patternIdSchema, decisionQuestionSchema).default({}),
  outcomes: z.record(patternIdSchema, decisionOutcomeSchema).default({}),
});

/** The merged tree the wizard walks: every part present. */
export const decisionTreeSchema = decisionTreeFileSchema.required({
  start: true,
});

export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;
export type DecisionQuestion = z.infer<typeof decisionQuestionSchema>;
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;
export type DecisionTreeFile = z.infer<typeof decisionTreeFileSchema>;
/** The wizard's questions and outcomes; the guide's flowchart is drawn from it too. */
export type DecisionTree = z.infer<typeof decisionTreeSchema>;
