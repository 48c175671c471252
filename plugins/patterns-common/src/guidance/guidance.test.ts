import { sessionTree } from '../__testUtils__/sessionTree';
import {
  mergeDecisionResult,
  walkDecisionSession,
  parseDecisionPath,
} from '../decisionTree';
import { GapRule } from '../schemas';
import { checkGuidance } from './checkGuidance';
import {
  decisionRecordFileName,
  decisionRecordMarkdown,
} from './decisionRecord';
import { prosAndConsOf } from './prosAndCons';

const rules: GapRule[] = [
  {
    id: 'retry-without-timeout',
    severity: 'warning',
    uses: ['retry-with-backoff'],
    unlessAny: ['timeout'],
    message: 'm',
    suggest: [],
  },
  {
    id: 'saga-without-outbox',
    severity: 'warning',
    uses: ['saga'],
    unlessAny: ['outbox'],
    message: 'm',
    suggest: [],
  },
];

describe('checkGuidance', () => {
  const patternIds = [
    'retry-with-backoff',
    'timeout',
    'circuit-breaker',
    'saga',
    'outbox',
  ];

  it('accepts outcome sets and scenarios that carry what the gap rules ask for', () => {
    expect(
      checkGuidance({
        patternIds,
        decisionTree: sessionTree,
        scenarios: [{ scenario: 'Checkout', patterns: ['saga', 'outbox'] }],
        gaps: rules,
        layers: {
          layers: [{ id: 'all', title: 'All', patterns: patternIds }],
          links: [],
        },
      }),
    ).toEqual([]);
  });

  it('names an outcome and a scenario that trip a gap rule, and a pattern in no layer', () => {
    const tree = {
      ...sessionTree,
      outcomes: {
        ...sessionTree.outcomes,
        saga: { ...sessionTree.outcomes.saga, with: [] },
      },
    };
    expect(
      checkGuidance({
        patternIds,
        decisionTree: tree,
        scenarios: [
          { scenario: 'Resilience', patterns: ['retry-with-backoff'] },
        ],
        gaps: rules,
        layers: {
          layers: [{ id: 'x', title: 'X', patterns: ['saga'] }],
          links: [],
        },
      }),
    ).toEqual([
      'outcome "saga" (saga) trips gap rule "saga-without-outbox"; add the missing pattern to its "with" list',
      'scenario "Resilience" (retry-with-backoff) trips gap rule "retry-without-timeout"',
      'pattern "retry-with-backoff" is in no layer of the layer graph',
      'pattern "timeout" is in no layer of the layer graph',
      'pattern "circuit-breaker" is in no layer of the layer graph',
      'pattern "outbox" is in no layer of the layer graph',
    ]);
  });
});

describe('prosAndConsOf', () => {
  it('reads Pros/Cons and Aspect/Benefit/Cost tables', () => {
    expect(
      prosAndConsOf('| Pros | Cons |\n|---|---|\n| Fast | Complex |\n'),
    ).toEqual({
      pros: ['Fast'],
      cons: ['Complex'],
    });
    expect(
      prosAndConsOf(
        '| Aspect | Benefit | Cost |\n|---|---|---|\n| Caching | CDNs work | Vary headers |\n',
      ),
    ).toEqual({
      pros: ['Caching: CDNs work'],
      cons: ['Caching: Vary headers'],
    });
  });
});

describe('decisionRecordMarkdown', () => {
  it('writes a MADR record with the path, the options, the set and its consequences', () => {
    const states = walkDecisionSession(
      sessionTree,
      parseDecisionPath('start:0~data:0'),
    );
    const titles: Record<string, string> = {
      'retry-with-backoff': 'Retry with Backoff',
      timeout: 'Timeout',
      'circuit-breaker': 'Circuit Breaker',
      saga: 'Saga',
      outbox: 'Outbox',
      'two-phase-commit': 'Two-Phase Commit',
    };
    const markdown = decisionRecordMarkdown({
      tree: sessionTree,
      states,
      result: mergeDecisionResult(sessionTree, states),
      patterns: new Map(
        Object.entries(titles).map(([id, title]) => [
          id,
          { title, pros: [`${title} pro`], cons: [`${title} con`] },
        ]),
      ),
      patternUrl: id => `/patterns/${id}`,
      entity: { ref: 'component:default/checkout', title: 'Checkout Service' },
      declared: ['timeout'],
      date: '2026-11-29',
    });
    const headings = markdown.split('\n').filter(line => /^#/.test(line));
    expect(headings).toEqual([
      '# Use Retry with Backoff, Saga, Timeout, Circuit Breaker, Outbox for Checkout Service',
      '## Context and Problem Statement',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '## More Information',
    ]);
    expect(
      markdown.startsWith('---\nstatus: proposed\ndate: 2026-11-29\n---\n'),
    ).toBe(true);
    expect(markdown).toContain(
      '* What kind of failure? — **Transient errors**',
    );
    expect(markdown).toContain(
      '* Circuit Breaker — had the answer to “What kind of failure?” been “Cascading failures”',
    );
    expect(markdown).toContain(
      '* Two-Phase Commit — to check first: Inside one database, a transaction is simpler.',
    );
    expect(markdown).toContain(
      '* Outbox (needed with Saga): Publish each step’s event with its commit.',
    );
    expect(markdown).toContain('* Bad, because Saga: Saga con');
    expect(
      [...markdown.matchAll(/\]\((\/patterns\/[a-z-]+)\)/g)].map(m => m[1]),
    ).toEqual([
      '/patterns/timeout',
      '/patterns/retry-with-backoff',
      '/patterns/saga',
      '/patterns/timeout',
      '/patterns/circuit-breaker',
      '/patterns/outbox',
      '/patterns/two-phase-commit',
    ]);
    expect(decisionRecordFileName('Use Saga, Outbox for Checkout')).toBe(
      'use-saga-outbox-for-checkout.md',
    );
  });
});
