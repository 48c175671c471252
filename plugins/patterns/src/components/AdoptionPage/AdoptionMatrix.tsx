import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { ReactNode, useMemo, useState } from 'react';
import {
  PATTERN_USE_SOURCES,
  UNOWNED_OWNER,
} from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';
import { USED_BY_ANCHOR } from '../UsedByCard';
import {
  PatternUseIcon,
  patternUseSourceText,
  PatternUseSourceFilter,
  SOURCE_FILTER_PARAM,
} from '../PatternUseSource';
import {
  AdoptionRow,
  AdoptionSort,
  AdoptionSortKey,
  nextSort,
  SourceCounts,
  sortAdoptionRows,
} from './adoptionRows';

/** "team-a" for `group:default/team-a`, "No owner" for entities without one. */
export function ownerName(owner: string): string {
  if (owner === UNOWNED_OWNER) return 'No owner';
  try {
    return humanizeEntityRef(parseEntityRef(owner), { defaultKind: 'group' });
  } catch {
    return owner;
  }
}

function entities(count: number) {
  return `${count} ${count === 1 ? 'entity' : 'entities'}`;
}

/** The short word of each source in a cell; the page's legend says what each means. */
export const SOURCE_SHORT: Readonly<Record<keyof SourceCounts, string>> = {
  both: 'both',
  declared: 'declared',
  detected: 'detected',
};

function sumSources(all: SourceCounts[]): SourceCounts {
  return all.reduce(
    (sum, c) => ({
      both: sum.both + c.both,
      declared: sum.declared + c.declared,
      detected: sum.detected + c.detected,
    }),
    { both: 0, declared: 0, detected: 0 },
  );
}

/** "1 declared and detected, 1 detected, not declared". */
function sourcesText(sources: SourceCounts): string {
  return PATTERN_USE_SOURCES.filter(s => sources[s] > 0)
    .map(s => `${sources[s]} ${patternUseSourceText(s)}`)
    .join(', ');
}

/** The marks under a count: icon and short word per source, e.g. "1 both · 1 detected". */
function SourceMarks(props: { sources: SourceCounts }) {
  const { sources } = props;
  const shown = PATTERN_USE_SOURCES.filter(s => sources[s] > 0);
  return (
    // The count's link names the same numbers in full words.
    <Box
      display="flex"
      justifyContent="flex-end"
      flexWrap="wrap"
      aria-hidden
      style={{ gap: 6 }}
    >
      {shown.map(s => (
        <Box
          key={s}
          component="span"
          display="inline-flex"
          alignItems="center"
          data-source={s}
          style={{ gap: 2, whiteSpace: 'nowrap' }}
        >
          <PatternUseIcon source={s} fontSize="inherit" />
          <Typography variant="caption" component="span">
            {sources[s]} {SOURCE_SHORT[s]}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * Patterns × owners: how many entities of each owner use each pattern. Every
 * column header sorts; every non-zero count links to the pattern's Used-by
 * card (with the same filter). Unfiltered, each count says how many declare
 * the pattern with evidence found, declare it only, or show evidence only.
 */
export function AdoptionMatrix(props: {
  rows: AdoptionRow[];
  owners: string[];
  filter?: PatternUseSourceFilter;
}) {
  const { rows, owners, filter = 'all' } = props;
  const patternLink = usePatternLink();
  const [sort, setSort] = useState<AdoptionSort>({
    key: 'total',
    direction: 'desc',
  });
  const sorted = useMemo(() => sortAdoptionRows(rows, sort), [rows, sort]);

  const header = (
    key: AdoptionSortKey,
    label: ReactNode,
    align: 'left' | 'right',
    title?: string,
  ) => {
    const active = sort.key === key;
    return (
      <TableCell
        key={key}
        align={align}
        sortDirection={active ? sort.direction : false}
        title={title}
      >
        <TableSortLabel
          active={active}
          direction={active ? sort.direction : 'desc'}
          onClick={() => setSort(current => nextSort(current, key))}
        >
          {label}
        </TableSortLabel>
      </TableCell>
    );
  };

  const usedByLink = (id: string) =>
    `${patternLink(id)}${
      filter === 'all' ? '' : `?${SOURCE_FILTER_PARAM}=${filter}`
    }#${USED_BY_ANCHOR}`;
  const count = (
    row: AdoptionRow,
    value: number,
    label: string,
    sources: SourceCounts,
  ) => {
    if (value === 0) {
      return (
        <Typography component="span" variant="body2" color="textSecondary">
          0
        </Typography>
      );
    }
    const how =
      filter === 'all'
        ? `: ${sourcesText(sources)}`
        : `, ${patternUseSourceText(filter)}`;
    return (
      <>
        <Link to={usedByLink(row.id)} aria-label={`${label}${how}`}>
          {value}
        </Link>
        {filter === 'all' && <SourceMarks sources={sources} />}
      </>
    );
  };

  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Pattern adoption by team">
        <TableHead>
          <TableRow>
            {header('pattern', 'Pattern', 'left')}
            {header('total', 'Total', 'right')}
            {owners.map(owner =>
              header(`owner:${owner}`, ownerName(owner), 'right', owner),
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map(row => (
            <TableRow key={row.id} hover>
              <TableCell component="th" scope="row">
                <Link to={patternLink(row.id)}>{row.title}</Link>
              </TableCell>
              <TableCell align="right">
                {count(
                  row,
                  row.total,
                  `${entities(row.total)} use ${row.title}`,
                  sumSources(Object.values(row.bySource)),
                )}
              </TableCell>
              {owners.map(owner => {
                const value = row.counts[owner] ?? 0;
                return (
                  <TableCell key={owner} align="right">
                    {count(
                      row,
                      value,
                      `${entities(value)} of ${ownerName(owner)} use ${
                        row.title
                      }`,
                      row.bySource[owner] ?? {
                        both: 0,
                        declared: 0,
                        detected: 0,
                      },
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
