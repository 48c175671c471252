import {
  PATTERN_USE_SOURCES,
  PatternEvidenceState,
  PatternUseSource,
} from '@system-design/backstage-plugin-patterns-common';

/** The three ways an entity uses a pattern, named the same in every view. */
export const PATTERN_USE_SOURCE_LABELS: Readonly<
  Record<PatternUseSource, string>
> = {
  both: 'Declared and detected',
  declared: 'Declared, no evidence found',
  detected: 'Detected, not declared',
};

/** Lower-case, for running text: "1 declared and detected". */
export function patternUseSourceText(source: PatternUseSource): string {
  return PATTERN_USE_SOURCE_LABELS[source].toLocaleLowerCase('en-US');
}

/** The source of an entity report's state. */
export function sourceOfState(state: PatternEvidenceState): PatternUseSource {
  switch (state) {
    case 'declared-and-detected':
      return 'both';
    case 'declared-no-evidence':
      return 'declared';
    default:
      return 'detected';
  }
}

/** A filter of views by source: one source, or all of them. */
export type PatternUseSourceFilter = PatternUseSource | 'all';

/** The URL query parameter that holds the filter. */
export const SOURCE_FILTER_PARAM = 'source';

/** The filter a URL value names; anything else is `all`. */
export function parseSourceFilter(
  value: string | null | undefined,
): PatternUseSourceFilter {
  return PATTERN_USE_SOURCES.find(s => s === value) ?? 'all';
}
