import path from 'node:path';
import {
  EvidenceFileRule,
  EvidenceRule,
  evidenceFileSchema,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';
import { readCatalogFile } from './readContentFiles';
import { mergeById } from './mergeById';

/** The rules read so far, by id, with the file each came from. */
export type EvidenceRuleMap = Map<
  string,
  { rule: EvidenceFileRule; file: string }
>;

/**
 * Reads `<directory>/evidence.yaml`, if any, into `rules`: a rule replaces
 * an earlier directory's rule with the same id, and `{ id, disabled: true }`
 * switches one off. A duplicate id within one file is reported and the
 * first one kept.
 */
export async function mergeEvidenceRules(
  directory: string,
  rules: EvidenceRuleMap,
  problems: ContentProblem[],
): Promise<void> {
  const file = path.join(directory, 'evidence.yaml');
  const data = await readCatalogFile(file, evidenceFileSchema, problems);
  const earlier = new Set(rules.keys());
  for (const rule of mergeById(
    data?.rules ?? [],
    rules,
    file,
    problems,
    'evidence rule',
  )) {
    if (rule.disabled && !earlier.has(rule.id)) {
      problems.push({
        file,
        message: `evidence rule "${rule.id}" is disabled but no earlier directory defines it`,
      });
    }
  }
}

/**
 * The enabled rules, checked against the known pattern ids: an unknown
 * pattern id is reported and dropped from the rule, and a rule left with no
 * pattern is skipped.
 */
export function resolveEvidenceRules(
  rules: EvidenceRuleMap,
  knownIds: ReadonlySet<string>,
  problems: ContentProblem[],
): EvidenceRule[] {
  const resolved: EvidenceRule[] = [];
  for (const { rule, file } of rules.values()) {
    if (rule.disabled) continue;
    const { disabled: _disabled, ...fields } = rule;
    const patterns = [...new Set(fields.patterns)].filter(id => {
      if (knownIds.has(id)) return true;
      problems.push({
        file,
        message: `evidence rule "${rule.id}" names unknown pattern "${id}"`,
      });
      return false;
    });
    if (patterns.length === 0) {
      problems.push({
        file,
        message: `evidence rule "${rule.id}" names no known pattern; the rule is skipped`,
      });
      continue;
    }
    resolved.push({ ...fields, patterns });
  }
  return resolved;
}
