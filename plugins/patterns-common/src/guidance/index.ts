export * from './checkGuidance';
export * from './prosAndCons';
export * from './decisionRecord';
