import { sessionTree } from '../__testUtils__/sessionTree';
import {
  formatDecisionPath,
  mergeDecisionResult,
  parseDecisionPath,
  remainingConcerns,
  walkDecisionSession,
} from './decisionSession';

describe('a decision session across concerns', () => {
  it('reads and writes the whole path in one URL parameter', () => {
    const segments = parseDecisionPath('start:0~data:0');
    expect(segments).toEqual([
      { origin: 'start', answers: [0] },
      { origin: 'data', answers: [0] },
    ]);
    expect(formatDecisionPath(segments)).toBe('start:0~data:0');
    expect(parseDecisionPath('junk~<script>:1~data:x.1')).toEqual([
      { origin: 'start', answers: [] },
      { origin: 'data', answers: [1] },
    ]);
  });

  it('merges resilience then data into one set without duplicates, each pattern with its reasons', () => {
    const states = walkDecisionSession(
      sessionTree,
      parseDecisionPath('start:0~data:0'),
    );
    const result = mergeDecisionResult(sessionTree, states);
    expect(result.patterns.map(p => [p.id, p.role])).toEqual([
      ['retry-with-backoff', 'primary'],
      ['saga', 'primary'],
      ['timeout', 'companion'],
      ['circuit-breaker', 'companion'],
      ['outbox', 'companion'],
    ]);
    expect(result.patterns.find(p => p.id === 'timeout')!.reasons).toEqual([
      {
        outcomeId: 'retry',
        why: 'Every attempt needs a deadline.',
        with: 'retry-with-backoff',
      },
    ]);
    expect(result.alternatives.map(a => a.id)).toEqual(['two-phase-commit']);
    // The start walk passed the resilience concern's first question: it counts as taken up.
    expect(remainingConcerns(sessionTree, states)).toEqual([]);
    const resilienceOnly = walkDecisionSession(
      sessionTree,
      parseDecisionPath('resilience:0'),
    );
    expect(
      remainingConcerns(sessionTree, resilienceOnly).map(c => c.id),
    ).toEqual(['data']);
  });

  it('lists a pattern once when two outcomes bring it, with both reasons, primary wins', () => {
    const states = walkDecisionSession(sessionTree, [
      { origin: 'start', answers: [0] },
      { origin: 'resilience', answers: [1] },
    ]);
    const { patterns } = mergeDecisionResult(sessionTree, states);
    const breaker = patterns.find(p => p.id === 'circuit-breaker')!;
    expect(breaker.role).toBe('primary');
    expect(breaker.reasons).toHaveLength(2);
    expect(patterns.filter(p => p.id === 'timeout')).toHaveLength(1);
  });

  it('reaches a “you may not need this” exit', () => {
    const states = walkDecisionSession(
      sessionTree,
      parseDecisionPath('data:1'),
    );
    expect(states[0]).toMatchObject({ kind: 'exit', exitId: 'no-cqrs' });
    expect(mergeDecisionResult(sessionTree, states)).toMatchObject({
      patterns: [],
      exits: ['no-cqrs'],
    });
  });

  it('drops unknown concerns and repeats', () => {
    const states = walkDecisionSession(
      sessionTree,
      parseDecisionPath('nope:1~data:0~data:1'),
    );
    expect(states.map(s => s.origin)).toEqual(['data']);
  });
});
