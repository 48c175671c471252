import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityPatternsWith } from '../../hooks/useEntityPatterns';
import { AsyncContent } from '../AsyncContent';
import { DecisionWizard } from '../DecisionWizard';
import { AnnotationSuggestion } from './AnnotationSuggestion';

/** The decision wizard on a service page; its result becomes an annotation line. */
export function EntityDecisionWizard() {
  const { entity } = useEntity();
  const state = useEntityPatternsWith(entity, api =>
    Promise.all([api.getDecisionTree(), api.listScenarios()]),
  );
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
