import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  EntityDecisionWizard,
  EntityPatternGraph,
} from '../EntityDecisionTools';
import { AnnotationProblems } from './AnnotationProblems';
import { GapWarningsCard } from './GapWarningsCard';
import { PatternsAnnotationEmptyState } from './PatternsAnnotationEmptyState';
import { SuggestionsCard } from './SuggestionsCard';
import { UsedPatternsCard } from './UsedPatternsCard';
import { useEntityPatterns } from './useEntityPatterns';

/**
 * The entity page's "Patterns" tab (Component, API and System pages): the
 * patterns the entity declares, what often goes with them, risky gaps, and
 * what is wrong with the annotation; or how to add the annotation.
 */
export function EntityPatternsContent() {
  const { entity } = useEntity();
  const { hasAnnotation, loading, error, value } = useEntityPatterns(entity);

  if (!hasAnnotation) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <PatternsAnnotationEmptyState entity={entity} />
        </Grid>
        <Grid item xs={12}>
          <EntityDecisionWizard />
        </Grid>
      </Grid>
    );
  }
  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No pattern data')} />;
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      {value.problems.length > 0 && (
        <Grid item xs={12}>
          <AnnotationProblems
            entity={entity}
            annotation={value.annotation}
            problems={value.problems}
            corrected={value.corrected}
          />
        </Grid>
      )}
      <Grid item xs={12} lg={8}>
        <UsedPatternsCard used={value.used} categories={value.categories} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <SuggestionsCard suggestions={value.suggestions} />
      </Grid>
      <Grid item xs={12}>
        <GapWarningsCard
          gaps={value.gaps}
          patterns={value.patterns}
          error={value.gapsError}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <EntityPatternGraph />
      </Grid>
      <Grid item xs={12} xl={6}>
        <EntityDecisionWizard />
      </Grid>
    </Grid>
  );
}
