import { z } from 'zod';
import { patternIdSchema } from './patternId';

/** One category of `categories.yaml`. */
export const patternCategorySchema = z
  .object({
    id: patternIdSchema,
    title: z.string().trim().min(1),
    focus: z.string().default(''),
    description: z.string().default(''),
    /** Pattern ids in display order. */
    patterns: z.array(patternIdSchema).default([]),
  })
  .strict();

export const categoriesFileSchema = z
  .object({
    categories: z.array(patternCategorySchema),
  })
  .strict();

/** One row of the Quick Reference (`scenarios.yaml`). */
export const patternScenarioSchema = z
  .object({
    scenario: z.string().trim().min(1),
    patterns: z.array(patternIdSchema).min(1),
    /** When the row holds, or how its patterns fit together. */
    note: z.string().trim().min(1).optional(),
  })
  .strict();

export const scenariosFileSchema = z
  .object({
    scenarios: z.array(patternScenarioSchema),
  })
  .strict();

export type PatternCategory = z.infer<typeof patternCategorySchema>;
export type PatternScenario = z.infer<typeof patternScenarioSchema>;
