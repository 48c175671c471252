import {
  checkDecisionTree,
  DecisionTree,
  DecisionTreeFile,
  repairDecisionTree,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';

type TreePart = DecisionTreeFile;

/**
 * Merges decision-tree files in directory order (later concerns, questions,
 * outcomes and exits replace earlier ones with the same id), checks it, and
 * drops what the wizard could not walk (dangling answers, cycles), so a
 * broken company tree never breaks the wizard. Problems are reported
 * against the last file that contributed.
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
  const concerns = new Map(
    parts.flatMap(p => p.part.concerns).map(concern => [concern.id, concern]),
  );
  const questions: DecisionTree['questions'] = {};
  for (const { file: partFile, part } of parts) {
    Object.assign(questions, part.questions);
    for (const [id, answers] of Object.entries(part.appendAnswers)) {
      const question = questions[id];
      if (!question) {
        problems.push({
          file: partFile,
          message: `decision tree: appendAnswers names unknown question "${id}"; its answers are left out`,
        });
        continue;
      }
      const labels = new Set(question.answers.map(a => a.label));
      questions[id] = {
        ...question,
        answers: [
          ...question.answers,
          ...answers.filter(a => !labels.has(a.label)),
        ],
      };
    }
  }
  const tree: DecisionTree = {
    start,
    concerns: [...concerns.values()],
    questions,
    outcomes: Object.assign({}, ...parts.map(p => p.part.outcomes)),
    exits: Object.assign({}, ...parts.map(p => p.part.exits)),
  };
  for (const message of checkDecisionTree(tree, patternIds)) {
    problems.push({ file, message: `decision tree: ${message}` });
  }
  const repaired = repairDecisionTree(tree);
  for (const message of repaired.dropped) {
    problems.push({ file, message: `decision tree: dropped ${message}` });
  }
  if (repaired.tree) return repaired.tree;
  if (parts.length > 1) {
    problems.push({
      file,
      message:
        'decision tree: nothing usable is left at the start; the first directory’s tree is served instead',
    });
    return mergeDecisionTree(parts.slice(0, 1), patternIds, []);
  }
  problems.push({
    file,
    message: 'decision tree: nothing usable is left at the start',
  });
  return undefined;
}
