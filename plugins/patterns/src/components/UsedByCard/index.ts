export { UsedByCard, USED_BY_ANCHOR } from './UsedByCard';
