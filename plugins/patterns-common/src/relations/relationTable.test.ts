import {
  describeSuggestionLink,
  graphEdgeOf,
  graphLegendEntries,
  INVERSE_RELATION,
  PATTERN_RELATION_TYPES,
} from './relationTable';

describe('the relation table', () => {
  it('pairs every relation with an inverse that points back', () => {
    for (const type of PATTERN_RELATION_TYPES) {
      expect(INVERSE_RELATION[INVERSE_RELATION[type]]).toBe(type);
    }
  });

  it('draws symmetric links once, forward links as declared and reversed links as their inverse', () => {
    expect(graphEdgeOf('timeout', 'circuit-breaker', 'complements')).toEqual({
      source: 'circuit-breaker',
      target: 'timeout',
      relation: 'complements',
    });
    expect(graphEdgeOf('saga', 'outbox', 'builds-on')).toEqual({
      source: 'saga',
      target: 'outbox',
      relation: 'builds-on',
    });
    expect(graphEdgeOf('outbox', 'saga', 'enables')).toEqual(
      graphEdgeOf('saga', 'outbox', 'builds-on'),
    );
  });

  it('gives the legend one entry per drawn relation', () => {
    expect(graphLegendEntries().map(e => e.style)).toEqual([
      'complements',
      'alternative',
      'builds-on',
    ]);
  });

  it('words a suggestion from the used pattern’s side', () => {
    expect(describeSuggestionLink('builds-on', 'Saga')).toBe(
      'Saga builds on it',
    );
    expect(describeSuggestionLink('enables', 'Outbox')).toBe(
      'builds on Outbox',
    );
  });
});
