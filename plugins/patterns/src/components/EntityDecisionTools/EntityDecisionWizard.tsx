import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { DecisionWizard } from '../DecisionWizard';
import { AnnotationSuggestion } from './AnnotationSuggestion';

/** The decision wizard on a service page; its result becomes an annotation line. */
export function EntityDecisionWizard() {
  const { entity } = useEntity();
  const api = useApi(patternsApiRef);
  const { value, loading, error } = useAsync(
    () =>
      Promise.all([api.getDecisionTree(), api.listPatterns(), api.listScenarios()]),
    [api],
  );
  if (loading) return <Progress />;
  if (error || !value) return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  const [tree, patterns, scenarios] = value;
  return (
    <DecisionWizard
      tree={tree}
      patterns={patterns}
      scenarios={scenarios}
      renderOutcomeExtra={ids => (
        <AnnotationSuggestion entity={entity} patternIds={ids} patterns={patterns} />
      )}
    />
  );
}
