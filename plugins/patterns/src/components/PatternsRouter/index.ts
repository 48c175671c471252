export { PatternsRouter } from './PatternsRouter';
