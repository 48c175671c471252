import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  parseSourceFilter,
  PatternUseSourceFilter,
  SOURCE_FILTER_PARAM,
} from './patternUseSource';

/**
 * The source filter kept in the URL (`?source=detected`), so a filtered view
 * can be linked to and survives a reload; `all` is no parameter. Other
 * parameters are kept; the change replaces the history entry.
 */
export function useSourceFilter(): [
  PatternUseSourceFilter,
  (value: PatternUseSourceFilter) => void,
] {
  const [params, setParams] = useSearchParams();
  const value = parseSourceFilter(params.get(SOURCE_FILTER_PARAM));
  const set = useCallback(
    (next: PatternUseSourceFilter) => {
      const updated = new URLSearchParams(params);
      if (next === 'all') updated.delete(SOURCE_FILTER_PARAM);
      else updated.set(SOURCE_FILTER_PARAM, next);
      setParams(updated, { replace: true });
    },
    [params, setParams],
  );
  return [value, set];
}
