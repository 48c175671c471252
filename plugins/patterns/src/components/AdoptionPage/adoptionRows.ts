import {
  PatternAdoption,
  PatternAdoptionCount,
  PatternUseSource,
} from '@system-design/backstage-plugin-patterns-common';

/** Entities by how they use a pattern. */
export type SourceCounts = Record<PatternUseSource, number>;

/** One row of the adoption matrix: a pattern and its count per owner. */
export interface AdoptionRow {
  id: string;
  title: string;
  /** Distinct entities that use the pattern (in the filtered way, when filtered). */
  total: number;
  /** Owner ref → entities of that owner that use the pattern; absent is 0. */
  counts: Record<string, number>;
  /** Owner ref → those entities by source; absent is none. */
  bySource: Record<string, SourceCounts>;
}

/** The count's sources; an answer without them (an older backend) only knew declarations. */
function sourcesOf(count: PatternAdoptionCount): SourceCounts {
  return count.bySource ?? { both: 0, declared: count.count, detected: 0 };
}

/** `pattern`, `total`, or `owner:<ref>` for a team column. */
export type AdoptionSortKey = 'pattern' | 'total' | `owner:${string}`;
export type SortDirection = 'asc' | 'desc';

export interface AdoptionSort {
  key: AdoptionSortKey;
  direction: SortDirection;
}

/**
 * Every known pattern as a row, zeros included, in the backend's order;
 * with `source`, counting only the entities that use it that way.
 */
export function adoptionRows(
  adoption: PatternAdoption,
  titles: ReadonlyMap<string, string>,
  source: PatternUseSource | 'all' = 'all',
): AdoptionRow[] {
  const rows = new Map<string, AdoptionRow>(
    adoption.patterns.map(id => [
      id,
      {
        id,
        title: titles.get(id) ?? id,
        total: adoption.totals[id] ?? 0,
        counts: {},
        bySource: {},
      },
    ]),
  );
  for (const count of adoption.counts) {
    const row = rows.get(count.patternId);
    if (!row) continue;
    const sources = sourcesOf(count);
    const value = source === 'all' ? count.count : sources[source];
    row.counts[count.owner] = (row.counts[count.owner] ?? 0) + value;
    const mine = row.bySource[count.owner] ?? {
      both: 0,
      declared: 0,
      detected: 0,
    };
    row.bySource[count.owner] = {
      both: mine.both + sources.both,
      declared: mine.declared + sources.declared,
      detected: mine.detected + sources.detected,
    };
  }
  for (const row of rows.values()) {
    // The backend's totals count every source; a filtered total is the sum of its cells.
    if (source !== 'all' || adoption.totals[row.id] === undefined) {
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
