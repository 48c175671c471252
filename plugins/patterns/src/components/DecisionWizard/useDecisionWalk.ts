import {
  answerDecision,
  backDecision,
  DecisionState,
  DecisionTree,
  MAX_DECISION_STEPS,
  walkDecisionLeniently,
} from '@system-design/backstage-plugin-patterns-common';
import { useSearchParams } from 'react-router-dom';

const PARAM = 'answers';

/** `0.2.1` ↔ [0, 2, 1]; anything unreadable is dropped, and no more than a walk can use is read. */
export function parseAnswers(value: string | null): number[] {
  if (!value) return [];
  return value
    .split('.', MAX_DECISION_STEPS)
    .map(part => Number(part))
    .filter(n => Number.isInteger(n) && n >= 0);
}

/**
 * A walk through the decision tree kept in the URL (`?answers=0.2.1`), so a
 * result can be shared and the browser's back button steps back.
 */
export function useDecisionWalk(tree: DecisionTree) {
  const [params, setParams] = useSearchParams();
  const state = walkDecisionLeniently(tree, parseAnswers(params.get(PARAM)));

  const go = (next: DecisionState) => {
    const updated = new URLSearchParams(params);
    if (next.steps.length > 0) {
      updated.set(PARAM, next.steps.map(s => s.answerIndex).join('.'));
    } else {
      updated.delete(PARAM);
    }
    setParams(updated);
  };

  return {
    state,
    answer: (index: number) => go(answerDecision(tree, state, index)),
    back: () => go(backDecision(tree, state)),
    restart: () => go({ ...state, steps: [] }),
    /** Returns to the question of step `index`, keeping the answers before it. */
    returnTo: (index: number) =>
      go(
        walkDecisionLeniently(
          tree,
          state.steps.slice(0, index).map(s => s.answerIndex),
        ),
      ),
  };
}
