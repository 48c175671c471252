import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityPatternsWith } from '../../hooks/useEntityPatterns';
import { AsyncContent } from '../AsyncContent';
import { DecisionWizard } from '../DecisionWizard';
import { AnnotationSuggestion } from './AnnotationSuggestion';

/**
 * The decision wizard on a service page: it starts from the patterns the
 * entity declares, and its result becomes the entity's annotation line.
 */
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
          entity={{
            ref: stringifyEntityRef(entity),
            title: entity.metadata.title ?? entity.metadata.name,
          }}
          declared={patterns.ids}
          renderAnnotation={ids => (
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
