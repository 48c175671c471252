import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import { useMemo } from 'react';
import { AdoptionMatrix } from './AdoptionMatrix';
import { adoptionRows } from './adoptionRows';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';

/** /patterns/adoption: which teams use which patterns. */
export function AdoptionPage() {
  const state = usePatternsData(api =>
    Promise.all([api.getAdoption(), api.listPatterns()]),
  );
  const { value } = state;
  const rows = useMemo(
    () =>
      value
        ? adoptionRows(value[0], new Map(value[1].map(p => [p.id, p.title])))
        : [],
    [value],
  );

  const render = ([adoption]: NonNullable<typeof value>) => {
    const used = rows.filter(r => r.total > 0).length;
    return (
      <>
        <Box mb={2}>
          <Typography variant="body1">
            {used} of {rows.length} patterns are used, by{' '}
            {adoption.owners.length}{' '}
            {adoption.owners.length === 1 ? 'team' : 'teams'}. Counts are
            entities that declare the pattern in their{' '}
            <code>{PATTERNS_ANNOTATION}</code> annotation, as far as you may see
            them in the catalog; each links to the entities.
          </Typography>
        </Box>
        <AdoptionMatrix rows={rows} owners={adoption.owners} />
      </>
    );
  };

  return (
    <AsyncPatternsPage
      title="Pattern adoption"
      subtitle="Which teams use which patterns"
      state={state}
    >
      {render}
    </AsyncPatternsPage>
  );
}
