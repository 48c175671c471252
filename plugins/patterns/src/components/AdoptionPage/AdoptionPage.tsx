import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  PATTERN_USE_SOURCES,
  PATTERNS_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { useMemo } from 'react';
import { AdoptionMatrix, SOURCE_SHORT } from './AdoptionMatrix';
import { adoptionRows } from './adoptionRows';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';
import {
  PATTERN_USE_SOURCE_LABELS,
  PatternUseIcon,
  patternUseSourceText,
  SourceFilter,
  useSourceFilter,
} from '../PatternUseSource';

/** What the short words in the cells mean. */
function SourceLegend() {
  return (
    <Box
      component="ul"
      aria-label="What the marks mean"
      display="flex"
      flexWrap="wrap"
      p={0}
      m={0}
      mb={1}
      style={{ listStyle: 'none', gap: 16 }}
    >
      {PATTERN_USE_SOURCES.map(s => (
        <Box
          component="li"
          key={s}
          display="inline-flex"
          alignItems="center"
          style={{ gap: 4 }}
        >
          <PatternUseIcon source={s} />
          <Typography variant="body2" component="span">
            <strong>{SOURCE_SHORT[s]}</strong>:{' '}
            {PATTERN_USE_SOURCE_LABELS[s].toLocaleLowerCase('en-US')}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** /patterns/adoption: which teams use which patterns, declared or detected. */
export function AdoptionPage() {
  const [filter, setFilter] = useSourceFilter();
  const state = usePatternsData(api =>
    Promise.all([api.getAdoption(), api.listPatterns()]),
  );
  const { value } = state;
  const rows = useMemo(
    () =>
      value
        ? adoptionRows(
            value[0],
            new Map(value[1].map(p => [p.id, p.title])),
            filter,
          )
        : [],
    [value, filter],
  );

  const render = ([adoption]: NonNullable<typeof value>) => {
    const used = rows.filter(r => r.total > 0).length;
    const teams = adoption.owners.filter(owner =>
      rows.some(r => (r.counts[owner] ?? 0) > 0),
    ).length;
    return (
      <>
        <Box mb={1}>
          <Typography variant="body1">
            {used} of {rows.length} patterns are{' '}
            {filter === 'all' ? 'used' : patternUseSourceText(filter)}, by{' '}
            {teams} {teams === 1 ? 'team' : 'teams'}. Counts are entities that
            declare the pattern in their <code>{PATTERNS_ANNOTATION}</code>{' '}
            annotation or whose files or catalog fields show evidence of it, as
            far as you may see them in the catalog; each links to the entities.
          </Typography>
        </Box>
        <SourceFilter
          label="Count entities"
          value={filter}
          onChange={setFilter}
        />
        {filter === 'all' && <SourceLegend />}
        <AdoptionMatrix rows={rows} owners={adoption.owners} filter={filter} />
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
