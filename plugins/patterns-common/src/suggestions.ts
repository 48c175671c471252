import {
  describeSuggestionLink,
  inverseOf,
  isSuggestingRelation,
  PatternRelationType,
  SuggestingRelationType,
  suggestionWeightOf,
} from './relations';
import { PatternScenario } from './schemas';
import { PatternSummary } from './types';

/** Why a pattern is suggested. */
export type SuggestionReason =
  | {
      type: 'related';
      /** The used pattern the link comes from. */
      from: string;
      /**
       * The link as seen from the used pattern, e.g. `complements` (they go
       * together), `builds-on` (the used pattern needs the suggestion) or
       * `enables` (the suggestion builds on the used pattern).
       */
      relation: SuggestingRelationType;
      /** e.g. "complements Circuit Breaker". */
      text: string;
    }
  | {
      type: 'scenario';
      scenario: string;
      /** The used patterns the scenario pairs the suggestion with. */
      with: string[];
      /** e.g. "used with Saga for “E-commerce checkout”". */
      text: string;
    };

/** A pattern "often used with" the ones an entity already uses. */
export interface PatternSuggestion {
  id: string;
  title: string;
  /** Higher is stronger; only the order is meaningful. */
  score: number;
  /** Strongest first. */
  reasons: SuggestionReason[];
  /** The reasons as one sentence fragment, e.g. "complements Retry with Backoff; …". */
  reason: string;
}

export interface SuggestPatternsOptions {
  /** At most this many suggestions (default 5). */
  limit?: number;
}

/** A scenario pairing counts as much as the weakest link. */
const SCENARIO_WEIGHT = 1;

/**
 * Patterns that often go with `usedIds`: linked from a used pattern as a
 * complement, a prerequisite (`builds-on`) or a next step (`enables`), or
 * named with a used pattern in a scenario of the guide. Used patterns and
 * alternatives to a used pattern are never suggested. Ranked by the weight
 * of their reasons, then by how many used patterns they connect to, then by
 * title. Pure.
 */
export function suggestPatterns(
  usedIds: Iterable<string>,
  summaries: readonly PatternSummary[],
  scenarios: readonly PatternScenario[],
  options: SuggestPatternsOptions = {},
): PatternSuggestion[] {
  const limit = options.limit ?? 5;
  const byId = new Map(summaries.map(s => [s.id, s]));
  const used = [...new Set(usedIds)].filter(id => byId.has(id));
  const usedSet = new Set(used);
  const title = (id: string) => byId.get(id)?.title ?? id;

  const excluded = new Set(usedSet);
  const candidates = new Map<string, SuggestionReason[]>();
  const addReason = (id: string, reason: SuggestionReason) => {
    const reasons = candidates.get(id) ?? [];
    const duplicate = reasons.some(
      r => r.type === reason.type && r.text === reason.text,
    );
    if (!duplicate) reasons.push(reason);
    candidates.set(id, reasons);
  };

  // Links are read from both ends, so a one-sided link still counts.
  const links: Array<{
    from: string;
    to: string;
    relation: PatternRelationType;
  }> = [];
  for (const summary of summaries) {
    for (const link of summary.related) {
      if (usedSet.has(summary.id)) {
        links.push({ from: summary.id, to: link.id, relation: link.relation });
      }
      if (usedSet.has(link.id)) {
        links.push({
          from: link.id,
          to: summary.id,
          relation: inverseOf(link.relation),
        });
      }
    }
  }
  // A link that carries no suggestion weight (an alternative) rules the target out.
  for (const link of links) {
    if (!isSuggestingRelation(link.relation)) excluded.add(link.to);
  }
  for (const link of links) {
    const relation = link.relation;
    if (!isSuggestingRelation(relation) || !byId.has(link.to)) continue;
    addReason(link.to, {
      type: 'related',
      from: link.from,
      relation,
      text: describeSuggestionLink(relation, title(link.from)),
    });
  }

  for (const scenario of scenarios) {
    const withUsed = scenario.patterns.filter(id => usedSet.has(id));
    if (withUsed.length === 0) continue;
    for (const id of scenario.patterns) {
      if (usedSet.has(id) || !byId.has(id)) continue;
      addReason(id, {
        type: 'scenario',
        scenario: scenario.scenario,
        with: withUsed,
        text: `used with ${withUsed.map(title).join(' and ')} for “${
          scenario.scenario
        }”`,
      });
    }
  }

  const suggestions: Array<PatternSuggestion & { connected: number }> = [];
  for (const [id, reasons] of candidates) {
    if (excluded.has(id)) continue;
    const ordered = [...reasons].sort((a, b) => weight(b) - weight(a));
    const connected = new Set(
      reasons.flatMap(r => (r.type === 'related' ? [r.from] : r.with)),
    ).size;
    suggestions.push({
      id,
      title: title(id),
      score: reasons.reduce((sum, r) => sum + weight(r), 0),
      reasons: ordered,
      reason: ordered.map(r => r.text).join('; '),
      connected,
    });
  }

  return suggestions
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.connected - a.connected ||
        a.title.localeCompare(b.title, 'en-US'),
    )
    .slice(0, Math.max(0, limit))
    .map(({ connected, ...suggestion }) => suggestion);
}

function weight(reason: SuggestionReason): number {
  return reason.type === 'scenario'
    ? SCENARIO_WEIGHT
    : suggestionWeightOf(reason.relation) ?? 0;
}
