import {
  answerDecision,
  backDecision,
  DecisionSegment,
  DecisionState,
  DecisionTree,
  formatDecisionPath,
  parseDecisionPath,
  restartDecision,
  START_ORIGIN,
  walkDecisionLeniently,
  walkDecisionSession,
} from '@system-design/backstage-plugin-patterns-common';
import { useLocation, useNavigate } from 'react-router-dom';

/** `?path=start:0.1~resilience:1`: the whole session. */
export const PATH_PARAM = 'path';
/** `?answers=0.1`: links shared before sessions had concerns; read as the start walk. */
export const LEGACY_PARAM = 'answers';

/** The session's segments from the URL: `path`, else the old `answers` as the start walk. */
export function readDecisionPath(params: URLSearchParams): DecisionSegment[] {
  const path = params.get(PATH_PARAM);
  if (path !== null) return parseDecisionPath(path);
  const legacy = params.get(LEGACY_PARAM);
  if (!legacy) return [];
  const [walk] = parseDecisionPath(legacy);
  return [{ origin: START_ORIGIN, answers: walk?.answers ?? [] }];
}

function segmentsOf(states: readonly DecisionState[]): DecisionSegment[] {
  return states.map(state => ({
    origin: state.origin,
    answers: state.steps.map(step => step.answerIndex),
  }));
}

/**
 * The walks of a session as the wizard shows them: every one but the last
 * has ended (an outcome or an exit), so a link whose earlier concern stops
 * at a question continues from there.
 */
export function sessionStates(
  tree: DecisionTree,
  segments: readonly DecisionSegment[],
): DecisionState[] {
  const states = walkDecisionSession(tree, segments);
  const open = states.findIndex(state => state.kind === 'question');
  return open >= 0 ? states.slice(0, open + 1) : states;
}

/**
 * The query string with the session in `path` (readable: `:` and `~` are
 * left as they are), the other parameters kept, the old `answers` dropped.
 */
export function searchWith(search: string, states: DecisionState[]): string {
  const others = new URLSearchParams(search);
  others.delete(PATH_PARAM);
  others.delete(LEGACY_PARAM);
  const untouched =
    states.length === 1 &&
    states[0].origin === START_ORIGIN &&
    states[0].steps.length === 0;
  const path = untouched
    ? ''
    : `${PATH_PARAM}=${encodeURIComponent(
        formatDecisionPath(segmentsOf(states)),
      ).replace(/%3A/gi, ':')}`;
  const query = [others.toString(), path].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}

/**
 * A decision session kept in the URL (`?path=start:0.1~resilience:1`): a
 * result can be shared, and the browser's back button steps back. The last
 * walk is the current one; the earlier ones have ended.
 */
export function useDecisionSession(tree: DecisionTree) {
  const location = useLocation();
  const navigate = useNavigate();
  const states = sessionStates(
    tree,
    readDecisionPath(new URLSearchParams(location.search)),
  );
  const current = states[states.length - 1];
  const earlier = states.slice(0, -1);

  // Each step is a new history entry, so the browser's back button steps back.
  const go = (next: DecisionState[]) => {
    navigate({
      pathname: location.pathname,
      search: searchWith(location.search, next),
      hash: location.hash,
    });
  };

  return {
    /** Every walk of the session, the current one last. */
    states,
    current,
    answer: (index: number) =>
      go([...earlier, answerDecision(tree, current, index)]),
    /** Undoes the last answer; at a concern's first question, returns to the result before it. */
    back: () =>
      current.steps.length > 0
        ? go([...earlier, backDecision(tree, current)])
        : go(earlier),
    canGoBack: current.steps.length > 0 || earlier.length > 0,
    /** Back to the current concern's first question. */
    restart: () => go([...earlier, restartDecision(tree, current.origin)]),
    /** Clears the whole session. */
    startOver: () => go([restartDecision(tree)]),
    /** Takes up another concern after a result. */
    takeUp: (concernId: string) =>
      go([...states, restartDecision(tree, concernId)]),
    /**
     * Returns to the question of step `stepIndex` of walk `walkIndex`,
     * keeping the answers before it and dropping the walks after it.
     */
    returnTo: (walkIndex: number, stepIndex: number) => {
      const walk = states[walkIndex];
      go([
        ...states.slice(0, walkIndex),
        walkDecisionLeniently(
          tree,
          walk.steps.slice(0, stepIndex).map(step => step.answerIndex),
          walk.origin,
        ),
      ]);
    },
  };
}

export type DecisionSession = ReturnType<typeof useDecisionSession>;
