export * from './contract';
export * from './search';
