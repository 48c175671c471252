import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { builtInContentDirectory } from '../content/builtInContentDirectory';
import { loadPatternContent } from '../content/loadPatternContent';
import { formatFinding } from './LintFinding';
import { lintContentDirectory } from './lintContent';

/**
 * DESIGN.md "Content format": the seed's seven categories, in order, with
 * the seed's 29 patterns, then the ten the catalog adds beyond the seed.
 */
const EXPECTED_CATALOG: Record<string, string[]> = {
  communication: [
    'rest',
    'graphql',
    'grpc',
    'websockets',
    'asynchronous-request-reply',
    'api-versioning',
  ],
  gateway: ['api-gateway', 'backend-for-frontend', 'aggregator'],
  resilience: [
    'circuit-breaker',
    'retry-with-backoff',
    'bulkhead',
    'rate-limiting',
    'timeout',
    'idempotency-key',
    'load-shedding',
  ],
  data: [
    'cqrs',
    'event-sourcing',
    'saga',
    'outbox',
    'two-phase-commit',
    'cache-aside',
  ],
  messaging: [
    'pub-sub',
    'message-queue',
    'event-driven-architecture',
    'competing-consumers',
    'claim-check',
  ],
  'discovery-mesh': [
    'service-registry',
    'sidecar',
    'service-mesh',
    'health-endpoint-monitoring',
    'ambassador',
  ],
  deployment: [
    'blue-green-deployment',
    'canary-deployment',
    'rolling-deployment',
    'feature-flags',
    'strangler-fig',
    'database-per-service',
    'anti-corruption-layer',
  ],
};

const LINT_TIMEOUT_MS = 180_000;

describe('the built-in pattern content', () => {
  const directory = builtInContentDirectory();

  it(
    'passes every content lint rule',
    async () => {
      const findings = await lintContentDirectory(directory);
      expect(findings.map(formatFinding)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  it('has the 39 patterns of the design, each in its category', async () => {
    const { patterns } = await loadPatternContent([directory]);
    const actual = Object.fromEntries(patterns.map(p => [p.id, p.category]));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_CATALOG).flatMap(([category, ids]) =>
        ids.map(id => [id, category]),
      ),
    );
    expect(Object.keys(expected)).toHaveLength(39);
    expect(actual).toEqual(expected);
  });

  it('lists the seven categories in the seed order', () => {
    const file = path.join(directory, 'categories.yaml');
    const { categories } = parse(fs.readFileSync(file, 'utf8'));
    expect(categories.map((c: { id: string }) => c.id)).toEqual(
      Object.keys(EXPECTED_CATALOG),
    );
  });
});
