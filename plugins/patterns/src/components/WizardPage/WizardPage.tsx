import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { AsyncContent } from '../AsyncContent';
import { DecisionWizard } from '../DecisionWizard';
import { PatternsLayout } from '../PatternsLayout/PatternsLayout';

/** /patterns/wizard: the decision wizard on its own page. */
export function WizardPage() {
  const api = useApi(patternsApiRef);
  const state = useAsync(
    () =>
      Promise.all([
        api.getDecisionTree(),
        api.listPatterns(),
        api.listScenarios(),
      ]),
    [api],
  );
  return (
    <PatternsLayout
      title="Which pattern fits?"
      subtitle="Answer one question at a time; the result links can be shared"
    >
      <AsyncContent state={state}>
        {([tree, patterns, scenarios]) => (
          <DecisionWizard
            tree={tree}
            patterns={patterns}
            scenarios={scenarios}
          />
        )}
      </AsyncContent>
    </PatternsLayout>
  );
}
