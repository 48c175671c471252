import {
  DetectedPattern,
  detectedPatternsAnnotation,
  PatternEvidence,
} from '@system-design/backstage-plugin-patterns-common';
import { Finding } from './compileRules';

/** The most evidence items kept per pattern (strong ones first). */
export const MAX_EVIDENCE_PER_PATTERN = 5;
/** The most patterns recorded on one entity. */
export const MAX_DETECTED_PATTERNS = 60;
/** The annotation value is kept under this many characters. */
export const MAX_ANNOTATION_CHARS = 16_000;

const STRENGTH_ORDER = { strong: 0, weak: 1 } as const;

function compareEvidence(a: PatternEvidence, b: PatternEvidence): number {
  return (
    STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] ||
    a.rule.localeCompare(b.rule) ||
    a.source.localeCompare(b.source) ||
    a.detail.localeCompare(b.detail)
  );
}

/**
 * The findings grouped by pattern: known patterns only, duplicates dropped,
 * strongest first (a pattern with strong evidence before one with weak
 * evidence only, then by how much evidence it has, then by id), bounded.
 */
export function toDetectedPatterns(
  findings: readonly Finding[],
  knownIds: ReadonlySet<string>,
  maxEvidencePerPattern = MAX_EVIDENCE_PER_PATTERN,
): DetectedPattern[] {
  const byPattern = new Map<string, Map<string, PatternEvidence>>();
  for (const { patternId, evidence } of findings) {
    if (!knownIds.has(patternId)) continue;
    const items =
      byPattern.get(patternId) ?? new Map<string, PatternEvidence>();
    items.set(
      `${evidence.rule}\n${evidence.source}\n${evidence.detail}`,
      evidence,
    );
    byPattern.set(patternId, items);
  }
  const detected = [...byPattern].map(([id, items]) => {
    const all = [...items.values()].sort(compareEvidence);
    return { id, all, evidence: all.slice(0, maxEvidencePerPattern) };
  });
  detected.sort(
    (a, b) =>
      STRENGTH_ORDER[a.all[0].strength] - STRENGTH_ORDER[b.all[0].strength] ||
      b.all.length - a.all.length ||
      a.id.localeCompare(b.id),
  );
  return detected
    .slice(0, MAX_DETECTED_PATTERNS)
    .map(({ id, evidence }) => ({ id, evidence }));
}

/**
 * The detected patterns cut to fit the annotation (fewer evidence items,
 * then fewer patterns, only in extreme cases) and the annotation value:
 * the relations are emitted from the same list, so both always agree.
 */
export function fitAnnotation(detected: DetectedPattern[]): {
  detected: DetectedPattern[];
  value: string;
} {
  let fitted = detected;
  let value = detectedPatternsAnnotation(fitted);
  for (
    let keep = MAX_EVIDENCE_PER_PATTERN - 1;
    value.length > MAX_ANNOTATION_CHARS && keep >= 1;
    keep--
  ) {
    fitted = detected.map(d => ({
      id: d.id,
      evidence: d.evidence.slice(0, keep),
    }));
    value = detectedPatternsAnnotation(fitted);
  }
  while (value.length > MAX_ANNOTATION_CHARS && fitted.length > 1) {
    fitted = fitted.slice(0, -1);
    value = detectedPatternsAnnotation(fitted);
  }
  return { detected: fitted, value };
}
