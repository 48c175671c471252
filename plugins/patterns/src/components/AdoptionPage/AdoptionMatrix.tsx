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
import { ReactNode, useMemo, useState } from 'react';
import { UNOWNED_OWNER } from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';
import { USED_BY_ANCHOR } from '../UsedByCard';
import {
  AdoptionRow,
  AdoptionSort,
  AdoptionSortKey,
  nextSort,
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

/**
 * Patterns × owners: how many entities of each owner use each pattern. Every
 * column header sorts; every non-zero count links to the pattern's Used-by card.
 */
export function AdoptionMatrix(props: {
  rows: AdoptionRow[];
  owners: string[];
}) {
  const { rows, owners } = props;
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

  const usedByLink = (id: string) => `${patternLink(id)}#${USED_BY_ANCHOR}`;
  const count = (row: AdoptionRow, value: number, label: string) =>
    value > 0 ? (
      <Link to={usedByLink(row.id)} aria-label={label}>
        {value}
      </Link>
    ) : (
      <Typography component="span" variant="body2" color="textSecondary">
        0
      </Typography>
    );

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
