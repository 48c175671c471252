import { Entity } from '@backstage/catalog-model';
import {
  AnnotationProblem,
  annotationProblemsFromStatus,
  createPatternIdIndex,
  findPatternGaps,
  GapRule,
  PatternCategory,
  PatternGap,
  PatternIdIndex,
  PatternSuggestion,
  PatternSummary,
  resolveEntityPatterns,
  suggestPatterns,
} from '@system-design/backstage-plugin-patterns-common';
import { useMemo } from 'react';
import { PatternsApi } from '../api/PatternsApi';
import { AsyncState, combineStates } from '../components/AsyncContent';
import { loadCatalog, usePatternsData } from './usePatternsData';

/** One problem with the annotation value, and who found it. */
export interface AnnotationProblemView extends AnnotationProblem {
  /**
   * `catalog`: recorded by the catalog on the entity's status. `browser`:
   * found by checking the value against the known ids on this page, before
   * the catalog has processed it (or when its patterns module is not installed).
   */
  source: 'catalog' | 'browser';
}

/** What every card of the Patterns tab and the overview card show for one entity. */
export interface EntityPatterns {
  /** Whether the entity has the annotation at all. */
  declared: boolean;
  /** The raw annotation value. */
  annotation: string;
  /** The canonical ids the annotation names (aliases resolved), in annotation order. */
  ids: string[];
  /** The used patterns, in annotation order. */
  used: PatternSummary[];
  problems: AnnotationProblemView[];
  /** The value with aliases and typos replaced by ids, when a typo has a suggestion. */
  corrected?: string;
  gaps: PatternGap[];
  /** Set when the gap rules could not be loaded; the rest still shows. */
  gapsError?: Error;
  suggestions: PatternSuggestion[];
  patterns: ReadonlyMap<string, PatternSummary>;
  categories: ReadonlyMap<string, PatternCategory>;
  index: PatternIdIndex;
}

/**
 * The entity's patterns, read once through the shared resolver: the tab's
 * cards, the graph, the wizard's annotation line and the overview card all
 * see the same ids.
 */
export function useEntityPatterns(entity: Entity) {
  const state = usePatternsData(api =>
    Promise.all([
      loadCatalog(api),
      api.listGaps().then(
        rules => ({ rules, error: undefined }),
        (error: Error) => ({ rules: [] as GapRule[], error }),
      ),
    ]),
  );

  const value = useMemo((): EntityPatterns | undefined => {
    if (!state.value) return undefined;
    const [[summaries, categories, scenarios], gapRules] = state.value;
    const patterns = new Map(summaries.map(s => [s.id, s]));
    const index = createPatternIdIndex(summaries);
    const resolved = resolveEntityPatterns(entity, index);

    const fromCatalog = annotationProblemsFromStatus(entity);
    const recorded = new Set(fromCatalog.map(p => p.message));
    const problems: AnnotationProblemView[] = [
      ...fromCatalog.map(p => ({ ...p, source: 'catalog' as const })),
      ...resolved.problems
        .filter(p => !recorded.has(p.message))
        .map(p => ({ ...p, source: 'browser' as const })),
    ];

    return {
      declared: resolved.present,
      annotation: resolved.value,
      ids: resolved.ids,
      used: resolved.ids.map(id => patterns.get(id)!),
      problems,
      corrected: resolved.corrected,
      gaps: findPatternGaps(resolved.ids, gapRules.rules),
      gapsError: gapRules.error,
      suggestions: suggestPatterns(resolved.ids, summaries, scenarios),
      patterns,
      categories: new Map(categories.map(c => [c.id, c])),
      index,
    };
  }, [state.value, entity]);

  return { loading: state.loading, error: state.error, value };
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
