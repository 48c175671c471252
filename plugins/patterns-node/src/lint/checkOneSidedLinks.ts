import { INVERSE_RELATION } from '@system-design/backstage-plugin-patterns-common';
import { LintFinding } from './LintFinding';
import { LintDocument } from './readLintDocuments';

/**
 * Related links go both ways: if A lists B as R, B lists A as
 * INVERSE_RELATION[R] (complements and alternative are symmetric, builds-on
 * and enables are each other's inverse). Links to unknown ids are the
 * dangling-related rule's business.
 */
export function checkOneSidedLinks(
  documents: LintDocument[],
  fileName: (file: string) => string,
): LintFinding[] {
  const byId = new Map<string, LintDocument>();
  for (const document of documents) {
    const id = document.frontMatter?.id;
    if (id && !byId.has(id)) byId.set(id, document);
  }
  const findings: LintFinding[] = [];
  for (const document of byId.values()) {
    const meta = document.frontMatter!;
    for (const link of meta.related) {
      const target = byId.get(link.id);
      if (!target || link.id === meta.id) continue;
      const expected = INVERSE_RELATION[link.relation];
      const back = target.frontMatter!.related.find(l => l.id === meta.id);
      if (back?.relation === expected) continue;
      findings.push({
        file: fileName(document.file),
        rule: 'one-sided-link',
        message: back
          ? `"${meta.id}" lists "${link.id}" as ${
              link.relation
            }, but ${fileName(target.file)} lists "${meta.id}" as ${
              back.relation
            }; one of them must change so that it reads ${expected}`
          : `"${meta.id}" lists "${link.id}" as ${
              link.relation
            }, but ${fileName(target.file)} does not link back; add { id: ${
              meta.id
            }, relation: ${expected} } to its related`,
      });
    }
  }
  return findings;
}
