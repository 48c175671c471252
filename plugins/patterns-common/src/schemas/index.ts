export * from './patternId';
export * from './links';
export * from './frontMatter';
export * from './catalogFiles';
export * from './layersFile';
export * from './gapsFile';
export * from './decisionTreeFile';
export * from './evidenceFile';
