/*
 * Annotation → relations → usage and adoption, through the real catalog
 * backend with the patterns catalog module and the built-in content.
 *
 * Runs on in-memory SQLite always, and on PostgreSQL as well when
 * PATTERNS_TEST_POSTGRES_URL is set (scripts/start-test-postgres.sh starts
 * a throwaway server and prints it). If that URL is set but the server is
 * unreachable, the PostgreSQL tests fail.
 */
import { randomBytes } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  PATTERNS_ANNOTATION,
  PatternAdoption,
  PatternUsage,
  RELATION_USES_PATTERN,
} from '@system-design/backstage-plugin-patterns-common';
import patternsBackend from '../index';
import {
  DatabaseConfig,
  startRealCatalog,
} from '../__testUtils__/startRealCatalog';

function group(name: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, annotations },
    spec: { type: 'team', children: [] },
  };
}

/** What the catalog's schemas require of each kind, besides the owner. */
const SPEC_BY_KIND = {
  Component: { type: 'service', lifecycle: 'production' },
  API: {
    type: 'openapi',
    lifecycle: 'production',
    definition: 'openapi: 3.0.0',
  },
  System: {},
};

function owned(
  kind: keyof typeof SPEC_BY_KIND,
  name: string,
  title: string,
  owner: string,
  patterns?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      title,
      ...(patterns ? { annotations: { [PATTERNS_ANNOTATION]: patterns } } : {}),
    },
    spec: { ...SPEC_BY_KIND[kind], owner },
  };
}

const entities: Entity[] = [
  group('payments-team'),
  group('orders-team'),
  // Components, APIs and Systems must have an owner; a Group has none, so an
  // annotated group is the one user that counts as `unowned`.
  group('platform-team', { [PATTERNS_ANNOTATION]: 'circuit-breaker' }),
  owned(
    'Component',
    'payment-service',
    'Card Payments',
    'payments-team',
    'circuit-breaker, retry-with-backoff',
  ),
  owned(
    'API',
    'payments-api',
    'Payments API',
    'group:default/payments-team',
    'CIRCUIT-BREAKER circuit-breaker',
  ),
  owned(
    'Component',
    'checkout-service',
    'Checkout',
    'orders-team',
    'Saga,outbox saga',
  ),
  owned(
    'Component',
    'order-worker',
    'Order Worker',
    'orders-team',
    'retry-with-backof, timeout',
  ),
  owned('System', 'commerce', 'Commerce', 'orders-team', 'circuit-breaker'),
  owned('Component', 'docs-site', 'Docs Site', 'platform-team'),
];
/** Entities with a valid pattern id: all but docs-site and two groups. */
const USERS = 6;

const databases: Array<{ name: string; database?: DatabaseConfig }> = [
  { name: 'SQLite (in memory)', database: undefined },
];
const postgresUrl = process.env.PATTERNS_TEST_POSTGRES_URL;
if (postgresUrl) {
  databases.push({
    name: 'PostgreSQL',
    database: {
      client: 'pg',
      connection: postgresUrl,
      // The catalog creates its own database, `<prefix>catalog`; a fresh
      // prefix per run keeps runs apart. The databases are left behind:
      // scripts/stop-test-postgres.sh deletes the whole cluster.
      prefix: `patterns_it_${randomBytes(4).toString('hex')}_`,
    },
  });
}

function usesPatternTargets(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_USES_PATTERN)
    .map(r => r.targetRef)
    .sort();
}

describe.each(databases)(
  'patterns over the real catalog on $name',
  ({ database }) => {
    jest.setTimeout(120_000);

    let catalog: Awaited<ReturnType<typeof startRealCatalog>> | undefined;
    const get = (path: string) => catalog!.get(path);
    const getEntity = (ref: string): Promise<Entity> =>
      get(`/api/catalog/entities/by-name/${ref.replace(':', '/')}`);

    beforeAll(async () => {
      catalog = await startRealCatalog({
        entities,
        expectedUsers: USERS,
        features: [patternsBackend],
        database,
      });
    });

    afterAll(async () => {
      await catalog?.backend.stop();
    });

    it('relates annotated entities to each valid pattern, case and duplicates normalised', async () => {
      expect(
        usesPatternTargets(
          await getEntity('component:default/payment-service'),
        ),
      ).toEqual([
        'pattern:default/circuit-breaker',
        'pattern:default/retry-with-backoff',
      ]);
      expect(
        usesPatternTargets(await getEntity('api:default/payments-api')),
      ).toEqual(['pattern:default/circuit-breaker']);
      expect(
        usesPatternTargets(
          await getEntity('component:default/checkout-service'),
        ),
      ).toEqual(['pattern:default/outbox', 'pattern:default/saga']);
      expect(
        usesPatternTargets(await getEntity('component:default/docs-site')),
      ).toEqual([]);
    });

    it('ingests an entity with a typo, with its valid ids and a did-you-mean status item', async () => {
      const worker: AlphaEntity = await getEntity(
        'component:default/order-worker',
      );
      expect(usesPatternTargets(worker)).toEqual(['pattern:default/timeout']);
      const message =
        'Annotation system-design/patterns: Unknown pattern id "retry-with-backof" — did you mean retry-with-backoff?';
      expect(worker.status?.items).toEqual([
        {
          type: 'backstage.io/catalog-processing',
          level: 'error',
          message: `InputError: ${message}`,
          error: { name: 'InputError', message },
        },
      ]);
    });

    it('lists the users of a pattern grouped by owner', async () => {
      const usage: PatternUsage = await get(
        '/api/patterns/v1/patterns/circuit-breaker/usage',
      );
      expect(usage).toEqual({
        patternId: 'circuit-breaker',
        total: 4,
        owners: [
          {
            owner: 'group:default/orders-team',
            entities: [
              {
                ref: 'system:default/commerce',
                kind: 'System',
                namespace: 'default',
                name: 'commerce',
                title: 'Commerce',
              },
            ],
          },
          {
            owner: 'group:default/payments-team',
            entities: [
              {
                ref: 'component:default/payment-service',
                kind: 'Component',
                namespace: 'default',
                name: 'payment-service',
                title: 'Card Payments',
                type: 'service',
              },
              {
                ref: 'api:default/payments-api',
                kind: 'API',
                namespace: 'default',
                name: 'payments-api',
                title: 'Payments API',
                type: 'openapi',
              },
            ],
          },
          {
            owner: 'unowned',
            entities: [
              {
                ref: 'group:default/platform-team',
                kind: 'Group',
                namespace: 'default',
                name: 'platform-team',
                type: 'team',
              },
            ],
          },
        ],
      });
    });

    it('counts adoption per pattern and owner, with 0 for unused patterns', async () => {
      const adoption: PatternAdoption = await get('/api/patterns/v1/adoption');
      const { items } = await get('/api/patterns/v1/patterns');
      const allIds: string[] = items.map((p: { id: string }) => p.id);

      expect(adoption.patterns).toEqual(allIds);
      expect(adoption.owners).toEqual([
        'group:default/orders-team',
        'group:default/payments-team',
        'unowned',
      ]);
      const cells = Object.fromEntries(
        adoption.counts.map(c => [`${c.patternId} × ${c.owner}`, c.count]),
      );
      expect(cells).toEqual({
        'circuit-breaker × group:default/orders-team': 1,
        'circuit-breaker × group:default/payments-team': 2,
        'circuit-breaker × unowned': 1,
        'retry-with-backoff × group:default/payments-team': 1,
        'saga × group:default/orders-team': 1,
        'outbox × group:default/orders-team': 1,
        'timeout × group:default/orders-team': 1,
      });
      const used = {
        'circuit-breaker': 4,
        'retry-with-backoff': 1,
        saga: 1,
        outbox: 1,
        timeout: 1,
      };
      expect(adoption.totals).toEqual({
        ...Object.fromEntries(allIds.map(id => [id, 0])),
        ...used,
      });
    });

    it('refuses usage without a token', async () => {
      const res = await fetch(
        `${catalog!.baseUrl}/api/patterns/v1/patterns/circuit-breaker/usage`,
      );
      expect(res.status).toBe(401);
      expect((await res.json()).error.name).toBe('AuthenticationError');
    });
  },
);
