import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  createPatternIdIndex,
  findPatternGaps,
  GapRule,
  parsePatternAnnotation,
  ParsedPatternAnnotation,
  PatternCategory,
  PatternGap,
  PatternIdIndex,
  PATTERNS_ANNOTATION,
  PatternSuggestion,
  PatternSummary,
  splitPatternAnnotation,
  suggestPatternId,
  suggestPatterns,
} from '@system-design/backstage-plugin-patterns-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { catalogAnnotationProblems } from './annotationStatus';

/** One problem with the annotation value, and who found it. */
export interface AnnotationProblemView {
  message: string;
  /**
   * `catalog`: recorded by the catalog on the entity's status. `browser`:
   * found by checking the value against the known ids on this page, before
   * the catalog has processed it (or when its patterns module is not installed).
   */
  source: 'catalog' | 'browser';
}

export interface EntityPatterns {
  /** The raw annotation value. */
  annotation: string;
  /** The used patterns, in annotation order. */
  used: PatternSummary[];
  problems: AnnotationProblemView[];
  /** The value with typos replaced by their closest ids, when any has one. */
  corrected?: string;
  gaps: PatternGap[];
  /** Set when the gap rules could not be loaded; the rest still shows. */
  gapsError?: Error;
  suggestions: PatternSuggestion[];
  patterns: ReadonlyMap<string, PatternSummary>;
  categories: ReadonlyMap<string, PatternCategory>;
}

/**
 * Everything the Patterns tab and card show for one entity: the patterns its
 * annotation names, the annotation's problems, risky gaps and suggestions.
 * Undefined `value` while loading or when the entity has no annotation.
 */
export function useEntityPatterns(entity: Entity) {
  const api = useApi(patternsApiRef);
  const annotation = entity.metadata.annotations?.[PATTERNS_ANNOTATION];
  const hasAnnotation = annotation !== undefined;

  const state = useAsync(async () => {
    if (!hasAnnotation) return undefined;
    const [summaries, categories, scenarios, gapRules] = await Promise.all([
      api.listPatterns(),
      api.listCategories(),
      api.listScenarios(),
      api.listGaps().then(
        rules => ({ rules, error: undefined }),
        (error: Error) => ({ rules: [] as GapRule[], error }),
      ),
    ]);
    return { summaries, categories, scenarios, gapRules };
  }, [api, hasAnnotation]);

  const catalogProblems = useMemo(() => catalogAnnotationProblems(entity), [entity]);

  const value = useMemo((): EntityPatterns | undefined => {
    if (!state.value || annotation === undefined) return undefined;
    const { summaries, categories, scenarios, gapRules } = state.value;
    const patterns = new Map(summaries.map(s => [s.id, s]));
    const index = createPatternIdIndex(summaries);
    const parsed: ParsedPatternAnnotation =
      typeof annotation === 'string'
        ? parsePatternAnnotation(annotation, index)
        : {
            ids: [],
            problems: [
              { value: '', message: 'The value must be a string of pattern ids.' },
            ],
          };

    const fromCatalog = new Set(catalogProblems);
    const problems: AnnotationProblemView[] = [
      ...catalogProblems.map(message => ({ message, source: 'catalog' as const })),
      ...parsed.problems
        .filter(p => !fromCatalog.has(p.message))
        .map(p => ({ message: p.message, source: 'browser' as const })),
    ];
    const hasSuggestion = parsed.problems.some(p => p.suggestion);

    return {
      annotation: String(annotation),
      used: parsed.ids.map(id => patterns.get(id)!),
      problems,
      corrected: hasSuggestion ? correctAnnotation(annotation, index) : undefined,
      gaps: findPatternGaps(parsed.ids, gapRules.rules),
      gapsError: gapRules.error,
      suggestions: suggestPatterns(parsed.ids, summaries, scenarios),
      patterns,
      categories: new Map(categories.map(c => [c.id, c])),
    };
  }, [state.value, annotation, catalogProblems]);

  return {
    hasAnnotation,
    loading: state.loading,
    error: state.error,
    value,
  };
}

/**
 * The value with each unknown token replaced by its closest known id, in
 * place; tokens without a close id are dropped.
 */
function correctAnnotation(value: string, index: PatternIdIndex): string {
  const ids = splitPatternAnnotation(value).flatMap(token => {
    if (index.ids.has(token)) return [token];
    const alias = index.aliases.get(token);
    if (alias) return [alias];
    const suggestion = suggestPatternId(token, index);
    return suggestion ? [suggestion] : [];
  });
  return [...new Set(ids)].join(', ');
}
