export { PatternUseIcon, PatternUseMark } from './PatternUseMark';
export { SourceFilter } from './SourceFilter';
export {
  PATTERN_USE_SOURCE_LABELS,
  parseSourceFilter,
  patternUseSourceText,
  sourceOfState,
  SOURCE_FILTER_PARAM,
} from './patternUseSource';
export type { PatternUseSourceFilter } from './patternUseSource';
export { useSourceFilter } from './useSourceFilter';
