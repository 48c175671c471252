export * from './patternIdIndex';
export * from './suggestPatternId';
export * from './annotationProblem';
export * from './resolvePatternAnnotation';
export * from './annotationStatus';
