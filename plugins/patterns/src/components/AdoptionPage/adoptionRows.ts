import { PatternAdoption } from '@system-design/backstage-plugin-patterns-common';

/** One row of the adoption matrix: a pattern and its count per owner. */
export interface AdoptionRow {
  id: string;
  title: string;
  /** Distinct entities that use the pattern. */
  total: number;
  /** Owner ref → entities of that owner that use the pattern; absent is 0. */
  counts: Record<string, number>;
}

/** `pattern`, `total`, or `owner:<ref>` for a team column. */
export type AdoptionSortKey = 'pattern' | 'total' | `owner:${string}`;
export type SortDirection = 'asc' | 'desc';

export interface AdoptionSort {
  key: AdoptionSortKey;
  direction: SortDirection;
}

/** Every known pattern as a row, zeros included, in the backend's order. */
export function adoptionRows(
  adoption: PatternAdoption,
  titles: ReadonlyMap<string, string>,
): AdoptionRow[] {
  const rows = new Map<string, AdoptionRow>(
    adoption.patterns.map(id => [
      id,
      {
        id,
        title: titles.get(id) ?? id,
        total: adoption.totals[id] ?? 0,
        counts: {},
      },
    ]),
  );
  for (const { patternId, owner, count } of adoption.counts) {
    const row = rows.get(patternId);
    if (!row) continue;
    row.counts[owner] = (row.counts[owner] ?? 0) + count;
  }
  for (const row of rows.values()) {
    if (adoption.totals[row.id] === undefined) {
      row.total = Object.values(row.counts).reduce((a, b) => a + b, 0);
    }
  }
  return [...rows.values()];
}

/** The rows ordered by the sort; ties by title. Does not modify `rows`. */
export function sortAdoptionRows(
  rows: readonly AdoptionRow[],
  sort: AdoptionSort,
): AdoptionRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byTitle = (a: AdoptionRow, b: AdoptionRow) =>
    a.title.localeCompare(b.title, 'en-US', { sensitivity: 'base' });
  const value = (row: AdoptionRow): number => {
    if (sort.key === 'total') return row.total;
    return row.counts[sort.key.slice('owner:'.length)] ?? 0;
  };
  return [...rows].sort((a, b) =>
    sort.key === 'pattern'
      ? sign * byTitle(a, b)
      : sign * (value(a) - value(b)) || byTitle(a, b),
  );
}

/** The sort after activating a column header: toggles on the same column. */
export function nextSort(
  current: AdoptionSort,
  key: AdoptionSortKey,
): AdoptionSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { key, direction: key === 'pattern' ? 'asc' : 'desc' };
}
