import {
  DecisionAlternative,
  DecisionTree,
  outcomePatternIds,
} from '../schemas';
import { isDecisionNode } from './walkDecisionTree';

/**
 * Problems with a decision tree: answers leading nowhere, questions without
 * answers, cycles, unreachable nodes, concerns starting nowhere, unknown
 * patterns, and patterns no reachable outcome recommends.
 */
export function checkDecisionTree(
  tree: DecisionTree,
  knownPatternIds: string[],
): string[] {
  const problems: string[] = [];
  const { questions, outcomes, exits } = tree;
  const exists = (id: string) => isDecisionNode(tree, id);
  const known = new Set(knownPatternIds);

  const kinds = [questions, outcomes, exits].map(r => new Set(Object.keys(r)));
  for (const [i, a] of kinds.entries()) {
    for (const b of kinds.slice(i + 1)) {
      for (const id of a)
        if (b.has(id)) problems.push(`"${id}" is used for two nodes`);
    }
  }
  if (!exists(tree.start.next)) {
    problems.push(`start leads to unknown node "${tree.start.next}"`);
  }
  for (const concern of tree.concerns) {
    if (!questions[concern.start]) {
      problems.push(
        `concern "${concern.id}" starts at "${concern.start}", which is not a question`,
      );
    }
  }
  for (const [id, question] of Object.entries(questions)) {
    if (question.answers.length === 0) {
      problems.push(`question "${id}" is a dead end: it has no answers`);
    }
    for (const answer of question.answers) {
      if (!exists(answer.next)) {
        problems.push(
          `question "${id}", answer "${answer.label}" leads to unknown node "${answer.next}" (a dead end)`,
        );
      }
    }
  }
  const checkAlternatives = (
    where: string,
    alternatives: DecisionAlternative[],
  ) => {
    for (const alternative of alternatives) {
      if (alternative.id && !known.has(alternative.id)) {
        problems.push(`${where} names unknown pattern "${alternative.id}"`);
      }
    }
  };
  for (const [id, outcome] of Object.entries(outcomes)) {
    for (const patternId of outcomePatternIds(outcome)) {
      if (!known.has(patternId))
        problems.push(`outcome "${id}" names unknown pattern "${patternId}"`);
    }
    checkAlternatives(`outcome "${id}"`, outcome.alternatives);
  }
  for (const [id, exit] of Object.entries(exits)) {
    checkAlternatives(`exit "${id}"`, exit.instead);
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

  for (const id of [
    ...Object.keys(questions),
    ...Object.keys(outcomes),
    ...Object.keys(exits),
  ]) {
    if (!reachable.has(id))
      problems.push(`"${id}" is unreachable from the start`);
  }
  const recommended = new Set(
    [...reachable].flatMap(id =>
      outcomes[id] ? outcomePatternIds(outcomes[id]) : [],
    ),
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
