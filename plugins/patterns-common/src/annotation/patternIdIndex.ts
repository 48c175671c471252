/** The ids (and aliases) the annotation may name. */
export interface PatternIdIndex {
  ids: ReadonlySet<string>;
  /** alias → canonical id; never shadows an id. */
  aliases: ReadonlyMap<string, string>;
}

/**
 * The index of known ids and aliases. An id always wins over an alias, and
 * the first pattern to claim an alias keeps it, so an alias can never make
 * a token name another pattern than its id does.
 */
export function createPatternIdIndex(
  patterns: ReadonlyArray<{ id: string; aliases?: readonly string[] }>,
): PatternIdIndex {
  const ids = new Set(patterns.map(p => p.id));
  const aliases = new Map<string, string>();
  for (const pattern of patterns) {
    for (const alias of pattern.aliases ?? []) {
      const key = alias.toLocaleLowerCase('en-US');
      if (!ids.has(key) && !aliases.has(key)) aliases.set(key, pattern.id);
    }
  }
  return { ids, aliases };
}

/** The canonical id a lower-cased token names, if any. */
export function lookupPatternId(
  token: string,
  index: PatternIdIndex,
): string | undefined {
  return index.ids.has(token) ? token : index.aliases.get(token);
}
