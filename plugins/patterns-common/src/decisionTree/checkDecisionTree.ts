import { DecisionTree } from '../schemas';

/**
 * Problems with a decision tree: answers leading nowhere, questions without
 * answers, cycles, unreachable nodes, unknown or unreachable patterns.
 */
export function checkDecisionTree(
  tree: DecisionTree,
  knownPatternIds: string[],
): string[] {
  const problems: string[] = [];
  const { questions, outcomes } = tree;
  const exists = (id: string) => Boolean(questions[id] || outcomes[id]);

  for (const id of Object.keys(questions)) {
    if (outcomes[id])
      problems.push(`"${id}" is both a question and an outcome`);
  }
  if (!exists(tree.start.next)) {
    problems.push(`start leads to unknown node "${tree.start.next}"`);
  }
  for (const [id, question] of Object.entries(questions)) {
    if (question.answers.length === 0) {
      problems.push(`question "${id}" is a dead end: it has no answers`);
    }
    question.answers.forEach(answer => {
      if (!exists(answer.next)) {
        problems.push(
          `question "${id}", answer "${answer.label}" leads to unknown node "${answer.next}" (a dead end)`,
        );
      }
    });
  }
  for (const [id, outcome] of Object.entries(outcomes)) {
    if (outcome.patterns.length === 0) {
      problems.push(`outcome "${id}" recommends no pattern`);
    }
    for (const patternId of outcome.patterns) {
      if (!knownPatternIds.includes(patternId)) {
        problems.push(`outcome "${id}" names unknown pattern "${patternId}"`);
      }
    }
  }

  const reachable = new Set<string>();
  const onStack = new Set<string>();
  const visit = (node: string) => {
    if (onStack.has(node)) {
      problems.push(`cycle: "${node}" can be reached from itself`);
      return;
    }
    if (reachable.has(node) || !exists(node)) return;
    reachable.add(node);
    onStack.add(node);
    questions[node]?.answers.forEach(answer => visit(answer.next));
    onStack.delete(node);
  };
  visit(tree.start.next);

  for (const id of [...Object.keys(questions), ...Object.keys(outcomes)]) {
    if (!reachable.has(id))
      problems.push(`"${id}" is unreachable from the start`);
  }
  const recommended = new Set(
    [...reachable].flatMap(id => outcomes[id]?.patterns ?? []),
  );
  for (const patternId of knownPatternIds) {
    if (!recommended.has(patternId)) {
      problems.push(
        `pattern "${patternId}" is not recommended by any reachable outcome`,
      );
    }
  }
  return problems;
}
