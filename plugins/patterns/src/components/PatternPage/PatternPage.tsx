import {
  EmptyState,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { rootRouteRef } from '../../routes';
import { PatternsLayout } from '../PatternsLayout/PatternsLayout';
import { PatternFacts } from './PatternFacts';
import { PatternSections } from './PatternSections';
import { RelatedPatternsCard } from './RelatedPatternsCard';
import { UsedByCard } from '../UsedByCard';
import { isNotFound } from './isNotFound';

/** /patterns/:id: the nine sections of one pattern, and what it relates to. */
export function PatternPage() {
  const { id = '' } = useParams();
  const api = useApi(patternsApiRef);
  const catalogLink = useRouteRef(rootRouteRef)();
  const { value, loading, error } = useAsync(
    () => Promise.all([api.getPattern(id), api.listPatterns()]),
    [api, id],
  );

  if (loading) {
    return (
      <PatternsLayout title="Architecture Patterns">
        <Progress />
      </PatternsLayout>
    );
  }
  if (error || !value) {
    return (
      <PatternsLayout title="Architecture Patterns">
        {isNotFound(error) ? (
          <EmptyState
            missing="content"
            title={`There is no pattern “${id}”`}
            description="The link may be old or mistyped. Browse the catalog to find the pattern you are looking for."
            action={
              <LinkButton to={catalogLink} variant="contained" color="primary">
                Browse all patterns
              </LinkButton>
            }
          />
        ) : (
          <ResponseErrorPanel error={error ?? new Error('No data')} />
        )}
      </PatternsLayout>
    );
  }

  const [pattern, all] = value;
  return (
    <PatternsLayout title={pattern.title} subtitle={pattern.summary}>
      <Grid container spacing={3}>
        <Grid item xs={12} md={8} lg={9}>
          <PatternSections pattern={pattern} />
        </Grid>
        <Grid item xs={12} md={4} lg={3}>
          <PatternFacts pattern={pattern} />
          <RelatedPatternsCard pattern={pattern} patterns={all} />
          <UsedByCard patternId={pattern.id} />
        </Grid>
      </Grid>
    </PatternsLayout>
  );
}
