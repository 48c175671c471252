import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import {
  EntityPatterns,
  useEntityPatterns,
} from '../../hooks/useEntityPatterns';
import { AsyncContent, CardBoundary } from '../AsyncContent';
import {
  EntityDecisionWizard,
  EntityPatternGraph,
} from '../EntityDecisionTools';
import { AnnotationProblems } from './AnnotationProblems';
import { GapWarningsCard } from './GapWarningsCard';
import { PatternsAnnotationEmptyState } from './PatternsAnnotationEmptyState';
import { SuggestionsCard } from './SuggestionsCard';
import { UsedPatternsCard } from './UsedPatternsCard';

/** One grid cell whose card fails alone. */
function Cell(props: { children: ReactNode; lg?: 4 | 8; xl?: 6 }) {
  return (
    <Grid item xs={12} lg={props.lg} xl={props.xl}>
      <CardBoundary>{props.children}</CardBoundary>
    </Grid>
  );
}

/**
 * The entity page's "Patterns" tab (Component, API and System pages): the
 * patterns the entity declares, what often goes with them, risky gaps, and
 * what is wrong with the annotation; or how to add the annotation. Every
 * card reads the entity's patterns from the same hook, and each fails alone.
 */
export function EntityPatternsContent() {
  const { entity } = useEntity();
  const state = useEntityPatterns(entity);

  return (
    <AsyncContent state={state}>
      {(value: EntityPatterns) => (
        <Grid container spacing={3} alignItems="stretch">
          {!value.declared && (
            <Cell>
              <PatternsAnnotationEmptyState entity={entity} />
            </Cell>
          )}
          {value.problems.length > 0 && (
            <Cell>
              <AnnotationProblems
                entity={entity}
                annotation={value.annotation}
                problems={value.problems}
                corrected={value.corrected}
              />
            </Cell>
          )}
          {value.declared && (
            <>
              <Cell lg={8}>
                <UsedPatternsCard
                  used={value.used}
                  categories={value.categories}
                />
              </Cell>
              <Cell lg={4}>
                <SuggestionsCard suggestions={value.suggestions} />
              </Cell>
              <Cell>
                <GapWarningsCard
                  gaps={value.gaps}
                  patterns={value.patterns}
                  error={value.gapsError}
                />
              </Cell>
              <Cell xl={6}>
                <EntityPatternGraph />
              </Cell>
            </>
          )}
          <Cell xl={value.declared ? 6 : undefined}>
            <EntityDecisionWizard />
          </Cell>
        </Grid>
      )}
    </AsyncContent>
  );
}
