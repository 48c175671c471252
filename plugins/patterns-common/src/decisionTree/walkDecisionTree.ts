import { DecisionTree, outcomePatternIds } from '../schemas';
import { DecisionOrigin, DecisionState } from './types';

/** The origin of a walk from the guide's first question. */
export const START_ORIGIN = 'start';

/**
 * No walk is longer than this: a shared URL with thousands of answers (or a
 * tree with a cycle) is cut here instead of freezing the page.
 */
export const MAX_DECISION_STEPS = 64;

/** Whether `id` names a question, an outcome or an exit of the tree. */
export function isDecisionNode(tree: DecisionTree, id: string): boolean {
  return Boolean(tree.questions[id] || tree.outcomes[id] || tree.exits[id]);
}

/** The first node of a walk from `origin`, or undefined for an unknown concern. */
export function originNode(
  tree: DecisionTree,
  origin: DecisionOrigin,
): string | undefined {
  if (origin === START_ORIGIN) return tree.start.next;
  return tree.concerns.find(c => c.id === origin)?.start;
}

function stateAt(
  tree: DecisionTree,
  origin: DecisionOrigin,
  nodeId: string,
  steps: DecisionState['steps'],
): DecisionState {
  if (tree.outcomes[nodeId])
    return { origin, steps, kind: 'outcome', outcomeId: nodeId };
  if (tree.exits[nodeId])
    return { origin, steps, kind: 'exit', exitId: nodeId };
  if (tree.questions[nodeId])
    return { origin, steps, kind: 'question', questionId: nodeId };
  throw new Error(
    `The decision tree has no question, outcome or exit "${nodeId}"`,
  );
}

/** The first question of a walk from the start or from a concern. */
export function restartDecision(
  tree: DecisionTree,
  origin: DecisionOrigin = START_ORIGIN,
): DecisionState {
  const node = originNode(tree, origin);
  if (!node) throw new Error(`The decision tree has no concern "${origin}"`);
  return stateAt(tree, origin, node, []);
}

/** Chooses an answer to the current question. */
export function answerDecision(
  tree: DecisionTree,
  state: DecisionState,
  answerIndex: number,
): DecisionState {
  if (state.kind !== 'question') {
    throw new Error('The walk has reached its end; go back or restart');
  }
  const answer = tree.questions[state.questionId].answers[answerIndex];
  if (!answer) {
    throw new Error(
      `Question "${state.questionId}" has no answer number ${answerIndex}`,
    );
  }
  return stateAt(tree, state.origin, answer.next, [
    ...state.steps,
    { questionId: state.questionId, answerIndex },
  ]);
}

/** Undoes the last answer; at the first question it stays there. */
export function backDecision(
  tree: DecisionTree,
  state: DecisionState,
): DecisionState {
  return walkDecisionLeniently(
    tree,
    state.steps.slice(0, -1).map(step => step.answerIndex),
    state.origin,
  );
}

/** Replays answer indexes from the origin's first question; throws at a wrong one. */
export function walkDecision(
  tree: DecisionTree,
  answerIndexes: number[],
  origin: DecisionOrigin = START_ORIGIN,
): DecisionState {
  return answerIndexes.reduce(
    (state, index) => answerDecision(tree, state, index),
    restartDecision(tree, origin),
  );
}

/**
 * Like walkDecision, but stops at the last valid step instead of throwing:
 * at an unknown answer, an answer leading nowhere, or MAX_DECISION_STEPS.
 */
export function walkDecisionLeniently(
  tree: DecisionTree,
  answerIndexes: readonly number[],
  origin: DecisionOrigin = START_ORIGIN,
): DecisionState {
  let state = restartDecision(tree, origin);
  const steps: DecisionState['steps'] = [];
  for (const index of answerIndexes.slice(0, MAX_DECISION_STEPS)) {
    if (state.kind !== 'question') break;
    const answer = tree.questions[state.questionId]?.answers[index];
    if (!answer || !isDecisionNode(tree, answer.next)) break;
    steps.push({ questionId: state.questionId, answerIndex: index });
    state = stateAt(tree, origin, answer.next, steps);
  }
  return { ...state, steps: [...steps] };
}

/**
 * The answer indexes of a shortest walk from the start to an outcome whose
 * set includes the pattern (as primary first), or undefined when none does.
 */
export function pathToPattern(
  tree: DecisionTree,
  patternId: string,
): number[] | undefined {
  const search = (matches: (outcomeId: string) => boolean) => {
    const queue: Array<{ node: string; path: number[] }> = [
      { node: tree.start.next, path: [] },
    ];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { node, path } = queue.shift()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (tree.outcomes[node] && matches(node)) return path;
      tree.questions[node]?.answers.forEach((answer, index) =>
        queue.push({ node: answer.next, path: [...path, index] }),
      );
    }
    return undefined;
  };
  return (
    search(id => tree.outcomes[id].primary === patternId) ??
    search(id => outcomePatternIds(tree.outcomes[id]).includes(patternId))
  );
}

/** Every node the walk passed through, its first question to where it stands. */
export function visitedNodes(state: DecisionState): string[] {
  return [...state.steps.map(step => step.questionId), nodeOf(state)];
}

function nodeOf(state: DecisionState): string {
  switch (state.kind) {
    case 'question':
      return state.questionId;
    case 'outcome':
      return state.outcomeId;
    default:
      return state.exitId;
  }
}

/** The node a state stands at. */
export function currentNode(state: DecisionState): string {
  return nodeOf(state);
}
