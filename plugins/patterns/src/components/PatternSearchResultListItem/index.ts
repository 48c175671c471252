export { PatternSearchResultListItem } from './PatternSearchResultListItem';
