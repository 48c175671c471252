/**
 * The one table of the kinds of link between two patterns. Everything that
 * depends on a relation type — the front-matter enum, the inverse a target
 * must declare back, how the graph draws it, how much it counts as a
 * suggestion, and the words shown for it — is read from here. Adding a
 * relation type is one row here plus one style in the frontend's graph styles.
 */
export const PATTERN_RELATION_TABLE = {
  complements: {
    inverse: 'complements',
    /** Symmetric links are drawn once, between the two ids in sorted order. */
    direction: 'symmetric',
    /** The graph edge style it is drawn with. */
    graphStyle: 'complements',
    /** How much a link of this kind counts towards suggesting the target; undefined: never suggest it. */
    suggestionWeight: 3,
    /** The legend text. */
    label: 'complements (used together)',
    /** How a suggestion reached through this link reads: `describe(fromTitle)`. */
    suggestionText: 'complements {from}',
  },
  alternative: {
    inverse: 'alternative',
    direction: 'symmetric',
    graphStyle: 'alternative',
    suggestionWeight: undefined,
    label: 'alternative (pick one)',
    suggestionText: 'alternative to {from}',
  },
  'builds-on': {
    inverse: 'enables',
    /** Drawn from the declaring pattern to its foundation. */
    direction: 'forward',
    graphStyle: 'builds-on',
    suggestionWeight: 3,
    label: 'builds on (arrow points to the foundation)',
    suggestionText: '{from} builds on it',
  },
  enables: {
    inverse: 'builds-on',
    /** Drawn as the inverse link: "A enables B" is the edge "B builds on A". */
    direction: 'reverse',
    graphStyle: 'builds-on',
    suggestionWeight: 1,
    label: 'enables',
    suggestionText: 'builds on {from}',
  },
} as const;

/** The kinds of link between two patterns. */
export type PatternRelationType = keyof typeof PATTERN_RELATION_TABLE;

/** The relation types, in table order (a tuple, so zod can enumerate it). */
export const PATTERN_RELATION_TYPES = Object.keys(PATTERN_RELATION_TABLE) as [
  PatternRelationType,
  ...PatternRelationType[],
];

/** The relation a target must declare back for a link to be consistent. */
export const INVERSE_RELATION: {
  [R in PatternRelationType]: (typeof PATTERN_RELATION_TABLE)[R]['inverse'];
} = Object.fromEntries(
  PATTERN_RELATION_TYPES.map(type => [
    type,
    PATTERN_RELATION_TABLE[type].inverse,
  ]),
) as never;

/** The relations a graph edge can carry (a reversed relation is drawn as its inverse). */
export type PatternGraphRelation = {
  [R in PatternRelationType]: (typeof PATTERN_RELATION_TABLE)[R]['direction'] extends 'reverse'
    ? never
    : R;
}[PatternRelationType];

/** The edge styles the graph uses, one per relation that is drawn. */
export type PatternGraphStyle =
  (typeof PATTERN_RELATION_TABLE)[PatternRelationType]['graphStyle'];

/** Relations that make the target worth suggesting (they have a weight). */
export type SuggestingRelationType = {
  [R in PatternRelationType]: (typeof PATTERN_RELATION_TABLE)[R]['suggestionWeight'] extends number
    ? R
    : never;
}[PatternRelationType];

export function isSuggestingRelation(
  relation: PatternRelationType,
): relation is SuggestingRelationType {
  return PATTERN_RELATION_TABLE[relation].suggestionWeight !== undefined;
}

/** The graph relations in table order, with their legend text. */
export function graphLegendEntries(): Array<{
  style: PatternGraphStyle;
  label: string;
}> {
  return PATTERN_RELATION_TYPES.filter(
    type => PATTERN_RELATION_TABLE[type].direction !== 'reverse',
  ).map(type => ({
    style: PATTERN_RELATION_TABLE[type].graphStyle,
    label: PATTERN_RELATION_TABLE[type].label,
  }));
}

/** A link as seen from its target: the target declares this relation back. */
export function inverseOf(relation: PatternRelationType): PatternRelationType {
  return PATTERN_RELATION_TABLE[relation].inverse;
}

/**
 * The edge a declared link is drawn as: symmetric links between the two ids
 * in sorted order, forward links as declared, reversed links as their inverse.
 */
export function graphEdgeOf(
  from: string,
  to: string,
  relation: PatternRelationType,
): { source: string; target: string; relation: PatternGraphRelation } {
  const spec = PATTERN_RELATION_TABLE[relation];
  switch (spec.direction) {
    case 'symmetric': {
      const [source, target] = [from, to].sort();
      return { source, target, relation: relation as PatternGraphRelation };
    }
    case 'forward':
      return {
        source: from,
        target: to,
        relation: relation as PatternGraphRelation,
      };
    default:
      return {
        source: to,
        target: from,
        relation: spec.inverse as PatternGraphRelation,
      };
  }
}

/** "complements Circuit Breaker", "Saga builds on it", …: why a linked pattern is suggested. */
export function describeSuggestionLink(
  relation: PatternRelationType,
  fromTitle: string,
): string {
  return PATTERN_RELATION_TABLE[relation].suggestionText.replace(
    '{from}',
    fromTitle,
  );
}

/** The suggestion weight of a link, or undefined when the target is never suggested through it. */
export function suggestionWeightOf(
  relation: PatternRelationType,
): number | undefined {
  return PATTERN_RELATION_TABLE[relation].suggestionWeight;
}
