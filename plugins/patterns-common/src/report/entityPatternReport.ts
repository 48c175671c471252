import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AnnotationProblem,
  annotationProblemsFromStatus,
  createPatternIdIndex,
  mergePatternAnnotation,
  resolveEntityPatterns,
} from '../annotation';
import { PATTERNS_ANNOTATION } from '../constants';
import { findPatternGaps, PatternGap } from '../gaps';
import { GapRule, PatternScenario } from '../schemas';
import { PatternSuggestion, suggestPatterns } from '../suggestions';
import { PatternSummary } from '../types';

export type { PatternEvidence, DetectedPattern } from './detectedPatterns';
import { DetectedPattern } from './detectedPatterns';
import { EvidenceWarning, evidenceWarningsFromStatus } from './evidenceStatus';

/** The three states of a pattern on an entity. */
export type PatternEvidenceState =
  | 'declared-and-detected'
  | 'declared-no-evidence'
  | 'detected-not-declared';

/** GET /v1/entities/:kind/:namespace/:name/patterns: everything about one entity's patterns. */
export interface EntityPatternReport {
  entityRef: string;
  /** Whether the entity has the annotation at all. */
  annotated: boolean;
  /** The annotation's value as written. */
  annotation: string;
  /** Declared ids (aliases resolved), in annotation order. */
  declared: string[];
  /** Patterns with evidence, strongest first; empty where no detector has run. */
  detected: DetectedPattern[];
  /** Each known pattern of the entity with its state. */
  states: Array<{ id: string; state: PatternEvidenceState }>;
  /** The annotation line that adds what is detected but not declared, if anything is. */
  annotationLineForDetected?: string;
  problems: AnnotationProblem[];
  /**
   * Why the detected patterns may be incomplete or out of date: the catalog
   * module's warnings (a repository it could not read — the evidence shown
   * is then from the last successful read —, a malformed manifest, a file
   * over the limits). Empty when there are none.
   */
  evidenceWarnings?: EvidenceWarning[];
  /** Gaps in declared ∪ detected. */
  gaps: PatternGap[];
  suggestions: PatternSuggestion[];
}

export interface EntityPatternReportInput {
  entity: Entity;
  patterns: readonly PatternSummary[];
  scenarios: readonly PatternScenario[];
  gaps: readonly GapRule[];
  detected?: readonly DetectedPattern[];
}

/**
 * One entity's pattern report, computed the same way wherever it is served
 * (REST, actions, scorecards): the declared ids through the one resolver,
 * the catalog's recorded problems plus any found now, the three evidence
 * states, gaps over declared and detected patterns, and suggestions.
 */
export function buildEntityPatternReport(
  input: EntityPatternReportInput,
): EntityPatternReport {
  const { entity, patterns } = input;
  const index = createPatternIdIndex(patterns);
  const known = new Set(patterns.map(p => p.id));
  const resolved = resolveEntityPatterns(entity, index);
  const detected = (input.detected ?? []).filter(d => known.has(d.id));
  const detectedIds = detected.map(d => d.id);

  const recorded = annotationProblemsFromStatus(entity);
  const seen = new Set(recorded.map(p => p.message));
  const problems = [
    ...recorded,
    ...resolved.problems.filter(p => !seen.has(p.message)),
  ];

  const states: EntityPatternReport['states'] = [
    ...resolved.ids.map(id => ({
      id,
      state: detectedIds.includes(id)
        ? ('declared-and-detected' as const)
        : ('declared-no-evidence' as const),
    })),
    ...detectedIds
      .filter(id => !resolved.ids.includes(id))
      .map(id => ({ id, state: 'detected-not-declared' as const })),
  ];
  const missing = states
    .filter(s => s.state === 'detected-not-declared')
    .map(s => s.id);
  const used = [...new Set([...resolved.ids, ...detectedIds])];

  return {
    entityRef: stringifyEntityRef(entity),
    annotated: resolved.present,
    annotation: resolved.value,
    declared: resolved.ids,
    detected,
    states,
    annotationLineForDetected:
      missing.length > 0
        ? `${PATTERNS_ANNOTATION}: ${mergePatternAnnotation(
            resolved.present ? resolved.value : undefined,
            missing,
            index,
          )}`
        : undefined,
    problems,
    evidenceWarnings: evidenceWarningsFromStatus(entity),
    gaps: findPatternGaps(used, input.gaps),
    suggestions: suggestPatterns(used, patterns, input.scenarios),
  };
}
