export * from './types';
export * from './walkDecisionTree';
export * from './checkDecisionTree';
export * from './decisionTreeToMermaid';
export * from './repairDecisionTree';
export * from './decisionSession';
