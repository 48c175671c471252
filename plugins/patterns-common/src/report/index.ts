export * from './entityPatternReport';
export * from './detectedPatterns';
export * from './evidenceStatus';
