import { ContentProblem } from './ContentProblem';

/**
 * Puts one file's items into `into` by id, so an item replaces an earlier
 * directory's item with the same id. A duplicate id within the file is
 * reported (as "duplicate <what> id") and the first one kept.
 */
export function mergeById<T extends { id: string }>(
  items: readonly T[],
  into: Map<string, { rule: T; file: string }>,
  file: string,
  problems: ContentProblem[],
  what: string,
): T[] {
  const seenHere = new Set<string>();
  const merged: T[] = [];
  for (const item of items) {
    if (seenHere.has(item.id)) {
      problems.push({ file, message: `duplicate ${what} id "${item.id}"` });
      continue;
    }
    seenHere.add(item.id);
    into.set(item.id, { rule: item, file });
    merged.push(item);
  }
  return merged;
}
