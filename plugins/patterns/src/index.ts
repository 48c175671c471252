/**
 * Architecture Patterns for Backstage: pattern catalog pages, the decision
 * wizard, the related-pattern graph and the entity Patterns tab.
 *
 * @packageDocumentation
 */
export {
  patternsPlugin,
  PatternsPage,
  EntityPatternsContent,
  EntityPatternsCard,
  PatternSearchResultListItem,
} from './plugin';
export { isPatternsAvailable } from './components/EntityPatternsContent/isPatternsAvailable';
export { patternsApiRef } from './api/PatternsApi';
export type { PatternsApi } from './api/PatternsApi';
export { PatternsClient } from './api/PatternsClient';
export { rootRouteRef, patternRouteRef } from './routes';
