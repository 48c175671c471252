import { z } from 'zod';
import { patternIdSchema } from './patternId';

/** How loudly a gap is shown: `warning` for real risks, `info` for advice. */
export const GAP_SEVERITIES = ['warning', 'info'] as const;

/**
 * A risky combination of patterns, kept as data in `gaps.yaml`. The rule
 * fires for an entity that uses every id in `uses` and none of the ids in
 * `unlessAny`; with an empty `unlessAny` it fires whenever `uses` matches (a
 * pattern that is risky on its own, such as two-phase commit across services).
 */
export const gapRuleSchema = z
  .object({
    /** Stable id, e.g. `retry-without-timeout`; later content overrides by id. */
    id: patternIdSchema,
    severity: z.enum(GAP_SEVERITIES).default('warning'),
    /** Pattern ids that must all be used for the rule to apply. */
    uses: z.array(patternIdSchema).min(1),
    /** Pattern ids any one of which, when used, closes the gap. */
    unlessAny: z.array(patternIdSchema).default([]),
    /** Why the combination is risky and what to do, for the entity page. */
    message: z.string().trim().min(1),
    /** Pattern ids to consider adding. */
    suggest: z.array(patternIdSchema).default([]),
  })
  .strict();

/** `gaps.yaml`: a later directory switches a rule off by overriding it with `disabled: true`. */
export const gapsFileSchema = z
  .object({
    gaps: z.array(
      gapRuleSchema.extend({ disabled: z.boolean().default(false) }),
    ),
  })
  .strict();

export type GapSeverity = (typeof GAP_SEVERITIES)[number];
export type GapRule = z.infer<typeof gapRuleSchema>;
export type GapsFileRule = z.infer<typeof gapsFileSchema>['gaps'][number];
