export * from './buildPatternGraph';
