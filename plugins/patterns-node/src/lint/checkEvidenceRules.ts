import path from 'node:path';
import {
  EvidenceRule,
  evidenceFileSchema,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from '../content/ContentProblem';
import { readCatalogFile } from '../content/readContentFiles';
import { LintFinding } from './LintFinding';

/** How the lint compares package names: as the catalog module does, without the ecosystem details. */
function packageKey(ecosystem: string, name: string): string {
  let key = name.toLocaleLowerCase('en-US');
  if (ecosystem === 'pypi') key = key.replace(/[-_.]+/g, '-');
  if (ecosystem === 'go') key = key.replace(/\/v\d+$/, '');
  return `${ecosystem} ${key}`;
}

/**
 * What the loader cannot see in one directory's `evidence.yaml` but an
 * author wants to know: a package claimed by two rules (one of them is
 * probably stale, and the evidence shows twice), a manifest kind that is not
 * written as Kubernetes writes kinds (`Deployment`, not `deployment`), an
 * API group written as an apiVersion (`argoproj.io`, not
 * `argoproj.io/v1alpha1`). Problems the loader reports (schema, unknown
 * patterns, duplicate ids) come from it.
 */
export async function checkEvidenceRules(
  directory: string,
  fileName: (file: string) => string,
): Promise<LintFinding[]> {
  const file = path.join(directory, 'evidence.yaml');
  const ignored: ContentProblem[] = [];
  const data = await readCatalogFile(file, evidenceFileSchema, ignored).catch(
    () => undefined,
  );
  const findings: LintFinding[] = [];
  const report = (message: string) =>
    findings.push({ file: fileName(file), rule: 'evidence', message });

  const claimed = new Map<string, string>();
  for (const entry of data?.rules ?? []) {
    if (entry.disabled) continue;
    const rule: EvidenceRule = entry;
    if (rule.dependency) {
      for (const name of rule.dependency.packages) {
        const key = packageKey(rule.dependency.ecosystem, name);
        const other = claimed.get(key);
        if (other && other !== rule.id) {
          report(
            `evidence rules "${other}" and "${rule.id}" both claim ${rule.dependency.ecosystem} package "${name}"`,
          );
        } else {
          claimed.set(key, rule.id);
        }
      }
    }
    for (const kind of rule.manifest?.kinds ?? []) {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
        report(
          `evidence rule "${rule.id}" names kind "${kind}"; Kubernetes kinds are written in PascalCase, e.g. "Deployment"`,
        );
      }
    }
    for (const group of rule.manifest?.apiGroups ?? []) {
      if (group.includes('/')) {
        report(
          `evidence rule "${
            rule.id
          }" names API group "${group}"; give the group without the version, e.g. "${
            group.split('/')[0]
          }"`,
        );
      }
    }
  }
  return findings;
}
