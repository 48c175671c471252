import { usePatternsData } from '../../hooks/usePatternsData';
import { DecisionWizard } from '../DecisionWizard';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';

/** /patterns/wizard: the decision wizard on its own page. */
export function WizardPage() {
  const state = usePatternsData(api =>
    Promise.all([
      api.getDecisionTree(),
      api.listPatterns(),
      api.listScenarios(),
    ]),
  );
  return (
    <AsyncPatternsPage
      title="Which pattern fits?"
      subtitle="Answer one question at a time; the result links can be shared"
      state={state}
    >
      {([tree, patterns, scenarios]) => (
        <DecisionWizard tree={tree} patterns={patterns} scenarios={scenarios} />
      )}
    </AsyncPatternsPage>
  );
}
