import { suggestPatterns } from './suggestions';
import { PatternScenario } from './schemas';
import { PatternSummary } from './types';

const summary = (
  id: string,
  related: PatternSummary['related'] = [],
): PatternSummary => ({
  id,
  title: id
    .split('-')
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join(' '),
  category: 'x',
  bestFor: '',
  tradeoff: '',
  summary: '',
  aliases: [],
  related,
});

const SUMMARIES: PatternSummary[] = [
  summary('circuit-breaker', [
    { id: 'retry-with-backoff', relation: 'complements' },
    { id: 'timeout', relation: 'complements' },
    { id: 'bulkhead', relation: 'complements' },
  ]),
  summary('retry-with-backoff', [
    { id: 'circuit-breaker', relation: 'complements' },
    { id: 'timeout', relation: 'complements' },
  ]),
  summary('timeout', [
    { id: 'circuit-breaker', relation: 'complements' },
    { id: 'retry-with-backoff', relation: 'complements' },
  ]),
  summary('bulkhead', [{ id: 'circuit-breaker', relation: 'complements' }]),
  summary('saga', [
    { id: 'outbox', relation: 'complements' },
    { id: 'two-phase-commit', relation: 'alternative' },
  ]),
  summary('outbox', [{ id: 'saga', relation: 'complements' }]),
  summary('two-phase-commit', [{ id: 'saga', relation: 'alternative' }]),
  summary('event-driven-architecture', [
    { id: 'saga', relation: 'complements' },
  ]),
  summary('service-mesh', [
    { id: 'sidecar', relation: 'builds-on' },
    { id: 'service-registry', relation: 'builds-on' },
  ]),
  summary('sidecar', [{ id: 'service-mesh', relation: 'enables' }]),
  summary('service-registry', [{ id: 'service-mesh', relation: 'enables' }]),
  summary('rate-limiting'),
];

const SCENARIOS: PatternScenario[] = [
  {
    scenario: 'Microservices resilience',
    patterns: ['circuit-breaker', 'retry-with-backoff', 'bulkhead'],
  },
  { scenario: 'Multi-tenant SaaS', patterns: ['rate-limiting', 'bulkhead'] },
  { scenario: 'E-commerce checkout', patterns: ['saga', 'two-phase-commit'] },
];

describe('suggestPatterns', () => {
  it('ranks complements linked from several used patterns first, with reasons', () => {
    const suggestions = suggestPatterns(
      ['retry-with-backoff', 'circuit-breaker'],
      SUMMARIES,
      SCENARIOS,
    );
    expect(suggestions.map(s => s.id)).toEqual(['timeout', 'bulkhead']);
    expect(suggestions[0]).toEqual(
      expect.objectContaining({
        title: 'Timeout',
        reason: 'complements Circuit Breaker; complements Retry With Backoff',
      }),
    );
    expect(suggestions[1].reason).toBe(
      'complements Circuit Breaker; used with Circuit Breaker and Retry With Backoff for “Microservices resilience”',
    );
    expect(suggestions[1].score).toBeGreaterThan(0);
    expect(suggestions[0].score).toBeGreaterThan(suggestions[1].score);
  });

  it('counts scenario co-occurrence alone, below related links', () => {
    const suggestions = suggestPatterns(['bulkhead'], SUMMARIES, SCENARIOS);
    expect(suggestions.map(s => s.id)).toEqual([
      'circuit-breaker',
      'rate-limiting',
      'retry-with-backoff',
    ]);
    expect(suggestions[1].reasons).toEqual([
      {
        type: 'scenario',
        scenario: 'Multi-tenant SaaS',
        with: ['bulkhead'],
        text: 'used with Bulkhead for “Multi-tenant SaaS”',
      },
    ]);
  });

  it('never suggests a used pattern or an alternative to one', () => {
    const ids = suggestPatterns(['saga'], SUMMARIES, SCENARIOS).map(s => s.id);
    expect(ids).toContain('outbox');
    expect(ids).not.toContain('saga');
    expect(ids).not.toContain('two-phase-commit');
  });

  it('reads builds-on and enables in the right direction, from either end', () => {
    const mesh = suggestPatterns(['service-mesh'], SUMMARIES, []);
    expect(mesh.map(s => [s.id, s.reason])).toEqual([
      ['service-registry', 'Service Mesh builds on it'],
      ['sidecar', 'Service Mesh builds on it'],
    ]);
    const sidecar = suggestPatterns(['sidecar'], SUMMARIES, []);
    expect(sidecar.map(s => [s.id, s.reason])).toEqual([
      ['service-mesh', 'builds on Sidecar'],
    ]);
    // A link declared only on the suggestion's side still counts.
    const saga = suggestPatterns(['saga'], SUMMARIES, []);
    expect(saga.map(s => [s.id, s.reason])).toEqual([
      ['event-driven-architecture', 'complements Saga'],
      ['outbox', 'complements Saga'],
    ]);
  });

  it('limits the list, ignores unknown ids and suggests nothing for nothing', () => {
    expect(
      suggestPatterns(['retry-with-backoff'], SUMMARIES, SCENARIOS, {
        limit: 1,
      }),
    ).toHaveLength(1);
    expect(suggestPatterns(['no-such-id'], SUMMARIES, SCENARIOS)).toEqual([]);
    expect(suggestPatterns([], SUMMARIES, SCENARIOS)).toEqual([]);
  });
});
