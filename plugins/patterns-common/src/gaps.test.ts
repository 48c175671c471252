import { findPatternGaps } from './gaps';
import { GapRule } from './schemas';

const rule = (overrides: Partial<GapRule> & Pick<GapRule, 'id'>): GapRule => ({
  severity: 'warning',
  uses: [],
  unlessAny: [],
  message: `${overrides.id} message`,
  suggest: [],
  ...overrides,
});

const RULES: GapRule[] = [
  rule({
    id: 'retry-without-timeout',
    uses: ['retry-with-backoff'],
    unlessAny: ['timeout'],
    suggest: ['timeout'],
  }),
  rule({
    id: 'event-sourcing-without-cqrs',
    severity: 'info',
    uses: ['event-sourcing'],
    unlessAny: ['cqrs'],
    suggest: ['cqrs'],
  }),
  rule({
    id: 'two-phase-commit',
    uses: ['two-phase-commit'],
    suggest: ['saga', 'outbox'],
  }),
  rule({
    id: 'saga-without-outbox',
    uses: ['saga'],
    unlessAny: ['outbox'],
    suggest: ['outbox'],
  }),
];

describe('findPatternGaps', () => {
  it('fires a rule when its pattern is used and none of unlessAny is', () => {
    expect(findPatternGaps(['retry-with-backoff', 'rest'], RULES)).toEqual([
      {
        ruleId: 'retry-without-timeout',
        severity: 'warning',
        message: 'retry-without-timeout message',
        uses: ['retry-with-backoff'],
        missing: ['timeout'],
        suggest: ['timeout'],
      },
    ]);
  });

  it('stays quiet once any unlessAny pattern is used', () => {
    expect(findPatternGaps(['retry-with-backoff', 'timeout'], RULES)).toEqual(
      [],
    );
    expect(findPatternGaps(['saga', 'outbox'], RULES)).toEqual([]);
  });

  it('always fires a rule without unlessAny, and drops used suggestions', () => {
    const gaps = findPatternGaps(['two-phase-commit', 'saga', 'outbox'], RULES);
    expect(gaps.map(g => g.ruleId)).toEqual(['two-phase-commit']);
    expect(gaps[0].suggest).toEqual([]);
    expect(gaps[0].missing).toEqual([]);
  });

  it('needs every id in uses', () => {
    const both = rule({
      id: 'both',
      uses: ['saga', 'cqrs'],
      unlessAny: ['outbox'],
    });
    expect(findPatternGaps(['saga'], [both])).toEqual([]);
    expect(
      findPatternGaps(['saga', 'cqrs'], [both]).map(g => g.ruleId),
    ).toEqual(['both']);
  });

  it('never fires a rule with an empty uses list', () => {
    expect(findPatternGaps(['saga'], [rule({ id: 'empty' })])).toEqual([]);
  });

  it('lists warnings before advice, each in rule order', () => {
    const gaps = findPatternGaps(
      ['event-sourcing', 'saga', 'retry-with-backoff', 'two-phase-commit'],
      RULES,
    );
    expect(gaps.map(g => g.ruleId)).toEqual([
      'retry-without-timeout',
      'two-phase-commit',
      'saga-without-outbox',
      'event-sourcing-without-cqrs',
    ]);
  });

  it('finds nothing for nothing used', () => {
    expect(findPatternGaps([], RULES)).toEqual([]);
  });
});
