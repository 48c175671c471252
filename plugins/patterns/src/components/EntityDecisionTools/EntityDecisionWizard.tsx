import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { useEntityPatterns } from '../../hooks/useEntityPatterns';
import { AsyncContent, combineStates } from '../AsyncContent';
import { DecisionWizard } from '../DecisionWizard';
import { AnnotationSuggestion } from './AnnotationSuggestion';

/** The decision wizard on a service page; its result becomes an annotation line. */
export function EntityDecisionWizard() {
  const { entity } = useEntity();
  const api = useApi(patternsApiRef);
  const entityPatterns = useEntityPatterns(entity);
  const content = useAsync(
    () => Promise.all([api.getDecisionTree(), api.listScenarios()]),
    [api],
  );
  const state = combineStates(entityPatterns, content);
  return (
    <AsyncContent state={state}>
      {([patterns, [tree, scenarios]]) => (
        <DecisionWizard
          tree={tree}
          patterns={[...patterns.patterns.values()]}
          scenarios={scenarios}
          renderOutcomeExtra={ids => (
            <AnnotationSuggestion
              entity={entity}
              entityPatterns={patterns}
              patternIds={ids}
            />
          )}
        />
      )}
    </AsyncContent>
  );
}
