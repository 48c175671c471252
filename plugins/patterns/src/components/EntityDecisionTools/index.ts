export { EntityDecisionWizard } from './EntityDecisionWizard';
export { EntityPatternGraph } from './EntityPatternGraph';
