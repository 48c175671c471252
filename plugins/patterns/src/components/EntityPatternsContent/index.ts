export { EntityPatternsContent } from './EntityPatternsContent';
export { isPatternsAvailable } from './isPatternsAvailable';
