import {
  builtInContentDirectory,
  loadPatternContent,
} from '@system-design/backstage-plugin-patterns-node';
import { EvidenceRule } from '@system-design/backstage-plugin-patterns-common';

let loaded:
  | Promise<{ rules: EvidenceRule[]; patternIds: string[] }>
  | undefined;

/** The built-in evidence rules (content/evidence.yaml) and pattern ids, loaded once. */
export function builtInEvidenceRules() {
  loaded ??= loadPatternContent([builtInContentDirectory()]).then(content => {
    if (content.problems.length > 0) {
      throw new Error(
        `Built-in content has problems: ${JSON.stringify(content.problems)}`,
      );
    }
    return {
      rules: content.evidence,
      patternIds: content.patterns.map(p => p.id),
    };
  });
  return loaded;
}
