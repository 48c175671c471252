import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { DecisionWizard } from '../DecisionWizard';
import { PatternsLayout } from '../PatternsLayout/PatternsLayout';

/** /patterns/wizard: the decision wizard on its own page. */
export function WizardPage() {
  const api = useApi(patternsApiRef);
  const { value, loading, error } = useAsync(
    () =>
      Promise.all([api.getDecisionTree(), api.listPatterns(), api.listScenarios()]),
    [api],
  );
  return (
    <PatternsLayout
      title="Which pattern fits?"
      subtitle="Answer one question at a time; the result links can be shared"
    >
      {loading && <Progress />}
      {!loading && (error || !value) && (
        <ResponseErrorPanel error={error ?? new Error('No data')} />
      )}
      {value && (
        <DecisionWizard tree={value[0]} patterns={value[1]} scenarios={value[2]} />
      )}
    </PatternsLayout>
  );
}
