import { DecisionTree } from '../schemas';
import { DecisionState } from './types';

function stateAt(
  tree: DecisionTree,
  nodeId: string,
  steps: DecisionState['steps'],
): DecisionState {
  if (tree.outcomes[nodeId])
    return { steps, kind: 'outcome', outcomeId: nodeId };
  if (tree.questions[nodeId])
    return { steps, kind: 'question', questionId: nodeId };
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

/**
 * No walk is longer than this: a shared URL with thousands of answers (or a
 * tree with a cycle) is cut here instead of freezing the page.
 */
export const MAX_DECISION_STEPS = 64;

/**
 * Like walkDecision, but stops at the last valid step instead of throwing:
 * at an unknown answer, an answer leading nowhere, or MAX_DECISION_STEPS.
 */
export function walkDecisionLeniently(
  tree: DecisionTree,
  answerIndexes: readonly number[],
): DecisionState {
  let state = restartDecision(tree);
  const steps: DecisionState['steps'] = [];
  for (const index of answerIndexes.slice(0, MAX_DECISION_STEPS)) {
    if (state.kind !== 'question') break;
    const answer = tree.questions[state.questionId]?.answers[index];
    if (!answer || !(tree.questions[answer.next] || tree.outcomes[answer.next])) break;
    steps.push({ questionId: state.questionId, answerIndex: index });
    state = stateAt(tree, answer.next, steps);
  }
  return { ...state, steps: [...steps] };
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
  const current =
    state.kind === 'question' ? state.questionId : state.outcomeId;
  return [...state.steps.map(step => step.questionId), current];
}
