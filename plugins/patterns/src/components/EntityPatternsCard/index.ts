export { EntityPatternsCard } from './EntityPatternsCard';
