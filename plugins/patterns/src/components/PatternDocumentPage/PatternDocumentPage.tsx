import { EmptyState, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import { usePatternsData } from '../../hooks/usePatternsData';
import { rootRouteRef } from '../../routes';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';
import { PatternFacts } from './PatternFacts';
import { PatternSections } from './PatternSections';
import { RelatedPatternsCard } from './RelatedPatternsCard';
import { UsedByCard } from '../UsedByCard';
import { isNotFound } from './isNotFound';

/** /patterns/:id: the nine sections of one pattern, and what it relates to. */
export function PatternDocumentPage() {
  const { id = '' } = useParams();
  const catalogLink = useRouteRef(rootRouteRef)();
  const state = usePatternsData(
    api => Promise.all([api.getPattern(id), api.listPatterns()]),
    [id],
  );
  const notFound = (error: Error) =>
    isNotFound(error) ? (
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
    ) : undefined;

  const pattern = state.value?.[0];
  return (
    <AsyncPatternsPage
      title={pattern?.title ?? 'Architecture Patterns'}
      subtitle={pattern?.summary}
      state={state}
      renderError={notFound}
    >
      {([document, all]) => (
        <Grid container spacing={3}>
          <Grid item xs={12} md={8} lg={9}>
            <PatternSections pattern={document} />
          </Grid>
          <Grid item xs={12} md={4} lg={3}>
            <PatternFacts pattern={document} />
            <RelatedPatternsCard pattern={document} patterns={all} />
            <UsedByCard patternId={document.id} />
          </Grid>
        </Grid>
      )}
    </AsyncPatternsPage>
  );
}
