export { PatternsPage } from './PatternsPage';
