import { PatternDocument } from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';

/**
 * Drops, and reports, every alias that would make one name mean two
 * patterns: an alias equal to another pattern's id, or one already claimed
 * by an earlier pattern. Ids always win; the first claim of an alias wins.
 */
export function checkAliases(
  patterns: Map<string, PatternDocument>,
  fileOf: ReadonlyMap<string, string>,
  problems: ContentProblem[],
): void {
  const claimedBy = new Map<string, string>();
  for (const document of patterns.values()) {
    document.aliases = document.aliases.filter(alias => {
      const file = fileOf.get(document.id)!;
      if (alias === document.id) return false;
      if (patterns.has(alias)) {
        problems.push({
          file,
          message: `alias "${alias}" is the id of another pattern; the alias is ignored`,
        });
        return false;
      }
      const owner = claimedBy.get(alias);
      if (owner) {
        problems.push({
          file,
          message: `alias "${alias}" is already an alias of "${owner}"; the alias is ignored`,
        });
        return false;
      }
      claimedBy.set(alias, document.id);
      return true;
    });
  }
}
