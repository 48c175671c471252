export * from './relationTable';
