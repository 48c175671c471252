import { DecisionAlternative, DecisionTree } from '../schemas';
import { DecisionOrigin, DecisionState } from './types';
import {
  MAX_DECISION_STEPS,
  originNode,
  START_ORIGIN,
  visitedNodes,
  walkDecisionLeniently,
} from './walkDecisionTree';

/** One concern walked in a session: where it began and the answers given. */
export interface DecisionSegment {
  origin: DecisionOrigin;
  answers: number[];
}

/** A session walks the start and then at most one segment per concern. */
export const MAX_DECISION_SEGMENTS = 8;

/**
 * `start:0.1~resilience:1~data:2.0` ↔ segments. Lenient: unreadable parts
 * are dropped, and no more is read than a session can use.
 */
export function parseDecisionPath(
  value: string | null | undefined,
): DecisionSegment[] {
  if (!value) return [];
  return value
    .split('~', MAX_DECISION_SEGMENTS)
    .map(part => {
      const colon = part.indexOf(':');
      const origin = colon >= 0 ? part.slice(0, colon) : START_ORIGIN;
      const answers = (colon >= 0 ? part.slice(colon + 1) : part)
        .split('.', MAX_DECISION_STEPS)
        .filter(Boolean)
        .map(Number)
        .filter(n => Number.isInteger(n) && n >= 0);
      return { origin, answers };
    })
    .filter(segment => /^[a-z0-9-]+$/.test(segment.origin));
}

export function formatDecisionPath(
  segments: readonly DecisionSegment[],
): string {
  return segments.map(s => `${s.origin}:${s.answers.join('.')}`).join('~');
}

/**
 * The walks of a session, each replayed leniently; segments whose origin the
 * tree does not know are dropped, and so are repeats of a concern.
 */
export function walkDecisionSession(
  tree: DecisionTree,
  segments: readonly DecisionSegment[],
): DecisionState[] {
  const seen = new Set<string>();
  const states: DecisionState[] = [];
  for (const segment of segments.slice(0, MAX_DECISION_SEGMENTS)) {
    if (seen.has(segment.origin) || !originNode(tree, segment.origin)) continue;
    seen.add(segment.origin);
    states.push(walkDecisionLeniently(tree, segment.answers, segment.origin));
  }
  return states.length > 0 ? states : [walkDecisionLeniently(tree, [])];
}

/** A pattern of a session's merged result and every reason it is there. */
export interface DecidedPattern {
  id: string;
  /** `primary` when some outcome recommends it first, else `companion`. */
  role: 'primary' | 'companion';
  /** Why, once per outcome that brought it, e.g. "Transient errors: …". */
  reasons: Array<{ outcomeId: string; why: string; with?: string }>;
}

/** The merged result of a session: the pattern set, what to check first, and the exits reached. */
export interface DecisionResult {
  patterns: DecidedPattern[];
  /** Cheaper answers the outcomes name, without duplicates and without patterns already in the set. */
  alternatives: Array<DecisionAlternative & { outcomeId: string }>;
  /** "You may not need this" ends reached. */
  exits: string[];
  /** The outcomes reached, in session order. */
  outcomes: string[];
}

/**
 * Merges the outcome sets a session reached: primaries first, companions
 * after, each pattern once with all its reasons.
 */
export function mergeDecisionResult(
  tree: DecisionTree,
  states: readonly DecisionState[],
): DecisionResult {
  const byId = new Map<string, DecidedPattern>();
  const order: string[] = [];
  const add = (
    id: string,
    role: DecidedPattern['role'],
    reason: DecidedPattern['reasons'][number],
  ) => {
    let entry = byId.get(id);
    if (!entry) {
      entry = { id, role, reasons: [] };
      byId.set(id, entry);
      order.push(id);
    }
    if (role === 'primary') entry.role = 'primary';
    entry.reasons.push(reason);
  };
  const outcomes: string[] = [];
  const exits: string[] = [];
  for (const state of states) {
    if (state.kind === 'exit' && !exits.includes(state.exitId))
      exits.push(state.exitId);
    if (state.kind !== 'outcome' || outcomes.includes(state.outcomeId))
      continue;
    const outcome = tree.outcomes[state.outcomeId];
    outcomes.push(state.outcomeId);
    add(outcome.primary, 'primary', {
      outcomeId: state.outcomeId,
      why: outcome.why,
    });
    for (const companion of outcome.with) {
      add(companion.id, 'companion', {
        outcomeId: state.outcomeId,
        why: companion.why,
        with: outcome.primary,
      });
    }
  }
  const ids = [
    ...order.filter(id => byId.get(id)!.role === 'primary'),
    ...order.filter(id => byId.get(id)!.role === 'companion'),
  ];
  const alternatives: DecisionResult['alternatives'] = [];
  for (const outcomeId of outcomes) {
    for (const alternative of tree.outcomes[outcomeId].alternatives) {
      if (alternative.id && byId.has(alternative.id)) continue;
      const key = alternative.id ?? alternative.link;
      if (alternatives.some(a => (a.id ?? a.link) === key)) continue;
      alternatives.push({ ...alternative, outcomeId });
    }
  }
  return {
    patterns: ids.map(id => byId.get(id)!),
    alternatives,
    exits,
    outcomes,
  };
}

/**
 * The concerns not taken up yet in a session, in the tree's order: neither
 * walked as a concern nor passed through (a walk that went through a
 * concern's first question has answered it).
 */
export function remainingConcerns(
  tree: DecisionTree,
  states: readonly DecisionState[],
) {
  const walked = new Set(states.map(s => s.origin));
  const passed = new Set(states.flatMap(visitedNodes));
  return tree.concerns.filter(c => !walked.has(c.id) && !passed.has(c.start));
}
