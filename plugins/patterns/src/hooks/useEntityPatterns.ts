import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AnnotationProblem,
  annotationProblemsFromStatus,
  createPatternIdIndex,
  EntityPatternReport,
  PatternCategory,
  PatternEvidence,
  PatternEvidenceState,
  PatternGap,
  PatternIdIndex,
  PatternSuggestion,
  PatternSummary,
  resolvePatternAnnotation,
} from '@system-design/backstage-plugin-patterns-common';
import {
  createContext,
  createElement,
  ReactNode,
  useContext,
  useMemo,
} from 'react';
import { PatternsApi } from '../api/PatternsApi';
import { AsyncState, combineStates } from '../components/AsyncContent';
import { loadCatalog, usePatternsData } from './usePatternsData';

/** One problem with the annotation value, and who found it. */
export interface AnnotationProblemView extends AnnotationProblem {
  /**
   * `catalog`: recorded by the catalog on the entity's status. `current`:
   * found by the patterns backend checking the value against the known ids
   * now, before the catalog has processed it (or when its patterns module is
   * not installed).
   */
  source: 'catalog' | 'current';
}

/** One pattern the entity uses, declared in its annotation or detected, or both. */
export interface EntityPatternUse {
  pattern: PatternSummary;
  state: PatternEvidenceState;
  /** What shows it is used; empty when it is only declared. */
  evidence: PatternEvidence[];
}

/** What every card of the Patterns tab and the overview card show for one entity. */
export interface EntityPatterns {
  /** Whether the entity has the annotation at all. */
  declared: boolean;
  /** The raw annotation value. */
  annotation: string;
  /** The canonical ids the annotation names (aliases resolved), in annotation order. */
  ids: string[];
  /** The declared patterns, in annotation order. */
  used: PatternSummary[];
  /**
   * Every pattern the entity uses, declared or detected, with its state:
   * the declared ones in annotation order, then the detected-only ones,
   * strongest evidence first.
   */
  uses: EntityPatternUse[];
  /** The annotation line that adds what is detected but not declared, if anything is. */
  annotationLineForDetected?: string;
  problems: AnnotationProblemView[];
  /** The value with aliases and typos replaced by ids, when a typo has a suggestion. */
  corrected?: string;
  /** Gaps among the declared and detected patterns. */
  gaps: PatternGap[];
  suggestions: PatternSuggestion[];
  patterns: ReadonlyMap<string, PatternSummary>;
  categories: ReadonlyMap<string, PatternCategory>;
  index: PatternIdIndex;
  /** The backend's report, as it came. */
  report: EntityPatternReport;
}

/** The report and the content it names, as one view for the cards. */
function entityPatternsOf(
  entity: Entity,
  summaries: PatternSummary[],
  categoryList: PatternCategory[],
  report: EntityPatternReport,
): EntityPatterns {
  const patterns = new Map(summaries.map(s => [s.id, s]));
  const index = createPatternIdIndex(summaries);
  const evidence = new Map(report.detected.map(d => [d.id, d.evidence]));
  const recorded = new Set(
    annotationProblemsFromStatus(entity).map(p => p.message),
  );
  const known = (id: string) => patterns.has(id);

  return {
    declared: report.annotated,
    annotation: report.annotation,
    ids: report.declared,
    used: report.declared.filter(known).map(id => patterns.get(id)!),
    uses: report.states
      .filter(s => known(s.id))
      .map(s => ({
        pattern: patterns.get(s.id)!,
        state: s.state,
        evidence: evidence.get(s.id) ?? [],
      })),
    annotationLineForDetected: report.annotationLineForDetected,
    problems: report.problems.map(p => ({
      ...p,
      source: recorded.has(p.message) ? 'catalog' : 'current',
    })),
    // Only the line to show under the problems: the ids and problems are the report's.
    corrected:
      report.problems.length > 0
        ? resolvePatternAnnotation(report.annotation, index).corrected
        : undefined,
    gaps: report.gaps,
    suggestions: report.suggestions,
    patterns,
    categories: new Map(categoryList.map(c => [c.id, c])),
    index,
    report,
  };
}

/** Loads the entity's report and the content it names, when `enabled`. */
function useLoadEntityPatterns(
  entity: Entity,
  enabled: boolean,
): AsyncState<EntityPatterns> {
  const ref = stringifyEntityRef(entity);
  const state = usePatternsData(
    api =>
      enabled
        ? Promise.all([loadCatalog(api), api.getEntityPatternReport(ref)])
        : Promise.resolve(undefined),
    // A catalog refresh that changes the entity changes its etag: read the report again.
    [ref, entity.metadata.etag, enabled],
  );
  const { loading, error } = state;
  const value = useMemo(() => {
    if (!state.value) return undefined;
    const [[summaries, categories], report] = state.value;
    return entityPatternsOf(entity, summaries, categories, report);
  }, [state.value, entity]);
  return useMemo(() => ({ loading, error, value }), [loading, error, value]);
}

const EntityPatternsContext = createContext<
  { ref: string; state: AsyncState<EntityPatterns> } | undefined
>(undefined);

/**
 * Reads the entity's patterns once for everything inside: each
 * `useEntityPatterns` of the same entity below answers from this one read,
 * so a tab of several cards asks the backend for the report once.
 */
export function EntityPatternsProvider(props: {
  entity: Entity;
  children: ReactNode;
}) {
  const { entity, children } = props;
  const state = useLoadEntityPatterns(entity, true);
  const ref = stringifyEntityRef(entity);
  const value = useMemo(() => ({ ref, state }), [ref, state]);
  return createElement(EntityPatternsContext.Provider, { value }, children);
}

/**
 * The entity's patterns, from the backend's report on it (declared,
 * detected, states, problems, gaps, suggestions): the tab's cards, the
 * graph, the wizard's annotation line and the overview card all see the
 * same ids. Inside an `EntityPatternsProvider` of the same entity it answers
 * from the provider's read; elsewhere it reads the report itself.
 */
export function useEntityPatterns(entity: Entity): AsyncState<EntityPatterns> {
  const shared = useContext(EntityPatternsContext);
  const fromProvider = shared?.ref === stringifyEntityRef(entity);
  const own = useLoadEntityPatterns(entity, !fromProvider);
  return fromProvider ? shared!.state : own;
}

/**
 * The entity's patterns together with more content for one card: loading
 * until both are there, failing with the first error.
 */
export function useEntityPatternsWith<T>(
  entity: Entity,
  load: (api: PatternsApi) => Promise<T>,
): AsyncState<[EntityPatterns, T]> {
  return combineStates(useEntityPatterns(entity), usePatternsData(load));
}
