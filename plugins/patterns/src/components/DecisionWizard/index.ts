export { DecisionWizard } from './DecisionWizard';
export type { DecisionWizardProps } from './DecisionWizard';
