import { Entity } from '@backstage/catalog-model';
import { z } from 'zod';
import { PATTERN_EVIDENCE_ANNOTATION } from '../constants';
import { patternIdSchema } from '../schemas';

/** One piece of evidence that an entity uses a pattern. */
export const patternEvidenceSchema = z.object({
  /** The id of the evidence rule that matched. */
  rule: z.string().max(200),
  /** Where it was found: a file path in the repository, or a catalog field such as `spec.type`. */
  source: z.string().max(500),
  /** What matched, e.g. `opossum@8.1.0` or `strategy.canary`. */
  detail: z.string().max(500),
  strength: z.enum(['strong', 'weak']),
});

/** A pattern found in an entity's files or catalog fields, with what shows it. */
export const detectedPatternSchema = z.object({
  id: patternIdSchema,
  evidence: z.array(patternEvidenceSchema).max(50),
});

export type PatternEvidence = z.infer<typeof patternEvidenceSchema>;
export type DetectedPattern = z.infer<typeof detectedPatternSchema>;

/** The detected patterns the catalog module recorded on the entity; [] when none or unreadable. */
export function detectedPatternsFromEntity(entity: Entity): DetectedPattern[] {
  const value = entity.metadata.annotations?.[PATTERN_EVIDENCE_ANNOTATION];
  if (!value) return [];
  try {
    const parsed = z
      .array(detectedPatternSchema)
      .max(200)
      .safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The annotation value for detected patterns (what the catalog module writes). */
export function detectedPatternsAnnotation(
  detected: readonly DetectedPattern[],
): string {
  return JSON.stringify(detected);
}
