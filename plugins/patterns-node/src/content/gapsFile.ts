import path from 'node:path';
import {
  GapRule,
  GapsFileRule,
  gapsFileSchema,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';
import { readCatalogFile } from './readContentFiles';
import { mergeById } from './mergeById';

type GapEntry = GapsFileRule;

/** The rules read so far, by id, with the file each came from. */
export type GapRuleMap = Map<string, { rule: GapEntry; file: string }>;

/**
 * Reads `<directory>/gaps.yaml`, if any, into `gaps`: a rule replaces an
 * earlier directory's rule with the same id. A duplicate id within one file
 * is reported and the first one kept.
 */
export async function mergeGaps(
  directory: string,
  gaps: GapRuleMap,
  problems: ContentProblem[],
): Promise<void> {
  const file = path.join(directory, 'gaps.yaml');
  const data = await readCatalogFile(file, gapsFileSchema, problems);
  mergeById(data?.gaps ?? [], gaps, file, problems, 'gap rule');
}

/**
 * The enabled rules, checked against the known pattern ids: a rule whose
 * `uses` names an unknown pattern can never fire correctly and is left out;
 * unknown ids in `unlessAny` and `suggest` are dropped. Each is reported.
 */
export function resolveGapRules(
  gaps: GapRuleMap,
  knownIds: ReadonlySet<string>,
  problems: ContentProblem[],
): GapRule[] {
  const rules: GapRule[] = [];
  for (const { rule, file } of gaps.values()) {
    if (rule.disabled) continue;
    const unknownUses = rule.uses.filter(id => !knownIds.has(id));
    if (unknownUses.length > 0) {
      problems.push({
        file,
        message: `gap rule "${rule.id}" uses unknown pattern ${describeIds(
          unknownUses,
        )}; the rule is skipped`,
      });
      continue;
    }
    const known = (field: 'unlessAny' | 'suggest') =>
      rule[field].filter(id => {
        if (knownIds.has(id)) return true;
        problems.push({
          file,
          message: `gap rule "${rule.id}" ${field} names unknown pattern "${id}"`,
        });
        return false;
      });
    const { disabled, ...fields } = rule;
    rules.push({
      ...fields,
      uses: [...new Set(rule.uses)],
      unlessAny: [...new Set(known('unlessAny'))],
      suggest: [...new Set(known('suggest'))],
    });
  }
  return rules;
}

function describeIds(ids: string[]): string {
  return ids.map(id => `"${id}"`).join(', ');
}
