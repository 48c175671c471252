export * from './entityPatternReport';
