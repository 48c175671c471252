export { AsyncContent, combineStates } from './AsyncContent';
export type { AsyncState } from './AsyncContent';
export { CardBoundary } from './CardBoundary';
