import { DecisionState, DecisionTree } from './types';

function stateAt(
  tree: DecisionTree,
  nodeId: string,
  steps: DecisionState['steps'],
): DecisionState {
  if (tree.outcomes[nodeId]) return { steps, kind: 'outcome', outcomeId: nodeId };
  if (tree.questions[nodeId]) return { steps, kind: 'question', questionId: nodeId };
  throw new Error(`The decision tree has no question or outcome "${nodeId}"`);
}

/** The first question. */
export function restartDecision(tree: DecisionTree): DecisionState {
  return stateAt(tree, tree.start.next, []);
}

/** Chooses an answer to the current question. */
export function answerDecision(
  tree: DecisionTree,
  state: DecisionState,
  answerIndex: number,
): DecisionState {
  if (state.kind !== 'question') {
    throw new Error('The walk has reached an outcome; go back or restart');
  }
  const answer = tree.questions[state.questionId].answers[answerIndex];
  if (!answer) {
    throw new Error(
      `Question "${state.questionId}" has no answer number ${answerIndex}`,
    );
  }
  return stateAt(tree, answer.next, [
    ...state.steps,
    { questionId: state.questionId, answerIndex },
  ]);
}

/** Undoes the last answer; at the first question it stays there. */
export function backDecision(
  tree: DecisionTree,
  state: DecisionState,
): DecisionState {
  return walkDecision(
    tree,
    state.steps.slice(0, -1).map(step => step.answerIndex),
  );
}

/** Replays answer indexes from the first question (e.g. restored from a URL). */
export function walkDecision(
  tree: DecisionTree,
  answerIndexes: number[],
): DecisionState {
  return answerIndexes.reduce(
    (state, index) => answerDecision(tree, state, index),
    restartDecision(tree),
  );
}

/** Like walkDecision, but stops at the last valid step instead of throwing. */
export function walkDecisionLeniently(
  tree: DecisionTree,
  answerIndexes: number[],
): DecisionState {
  let state = restartDecision(tree);
  for (const index of answerIndexes) {
    if (state.kind !== 'question') break;
    if (!tree.questions[state.questionId].answers[index]) break;
    state = answerDecision(tree, state, index);
  }
  return state;
}

/**
 * The answer indexes of a shortest walk to the outcome recommending the
 * pattern, or undefined when no walk reaches it.
 */
export function pathToPattern(
  tree: DecisionTree,
  patternId: string,
): number[] | undefined {
  const queue: Array<{ node: string; path: number[] }> = [
    { node: tree.start.next, path: [] },
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { node, path } = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (tree.outcomes[node]?.patterns.includes(patternId)) return path;
    tree.questions[node]?.answers.forEach((answer, index) =>
      queue.push({ node: answer.next, path: [...path, index] }),
    );
  }
  return undefined;
}

/** Every node the walk passed through, start to current. */
export function visitedNodes(state: DecisionState): string[] {
  const current = state.kind === 'question' ? state.questionId : state.outcomeId;
  return [...state.steps.map(step => step.questionId), current];
}
