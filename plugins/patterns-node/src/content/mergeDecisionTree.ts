import {
  checkDecisionTree,
  DecisionTree,
} from '@system-design/backstage-plugin-patterns-common';
import { z } from 'zod';
import { ContentProblem } from './ContentProblem';
import { decisionTreeFileSchema } from './decisionTreeFileSchema';

type TreePart = z.infer<typeof decisionTreeFileSchema>;

/**
 * Merges decision-tree files in directory order (later questions and
 * outcomes replace earlier ones with the same id) and checks the result.
 * Problems are reported against the last file that contributed.
 */
export function mergeDecisionTree(
  parts: Array<{ file: string; part: TreePart }>,
  patternIds: string[],
  problems: ContentProblem[],
): DecisionTree | undefined {
  if (parts.length === 0) return undefined;
  const file = parts[parts.length - 1].file;
  const start = [...parts].reverse().find(p => p.part.start)?.part.start;
  if (!start) {
    problems.push({ file, message: 'decision tree has no start' });
    return undefined;
  }
  const tree: DecisionTree = {
    start,
    questions: Object.assign({}, ...parts.map(p => p.part.questions)),
    outcomes: Object.assign({}, ...parts.map(p => p.part.outcomes)),
  };
  for (const message of checkDecisionTree(tree, patternIds)) {
    problems.push({ file, message: `decision tree: ${message}` });
  }
  return tree;
}
