/*
 * Annotation → relations → usage and adoption, through the real catalog
 * backend with the patterns catalog module and the built-in content, and
 * the real permission backend with a policy that hides the secret team's
 * entities from one user.
 *
 * Runs on in-memory SQLite always, and on PostgreSQL as well when
 * PATTERNS_TEST_POSTGRES_URL is set (scripts/start-test-postgres.sh starts
 * a throwaway server and prints it). If that URL is set but the server is
 * unreachable, the PostgreSQL tests fail.
 */
import { randomBytes } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import {
  PATTERNS_ANNOTATION,
  PatternAdoption,
  PatternUsage,
  RELATION_HAS_PATTERN_EVIDENCE,
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
  // Hidden from RESTRICTED by the permission policy.
  group('secret-team'),
  owned(
    'Component',
    'vault-service',
    'Vault',
    'secret-team',
    'circuit-breaker, saga',
  ),
  owned('API', 'vault-api', 'Vault API', 'secret-team', 'circuit-breaker'),
  // Its type is evidence of pub-sub and event-driven architecture (the
  // catalog module's built-in rules): declared and detected, declared
  // without evidence, detected but not declared.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'order-events',
      title: 'Order Events',
      annotations: { [PATTERNS_ANNOTATION]: 'pub-sub, timeout' },
    },
    spec: {
      type: 'asyncapi',
      lifecycle: 'production',
      owner: 'orders-team',
      definition: 'asyncapi: 3.0.0',
    },
  },
];
/** Entities with a valid pattern id: all but docs-site and three groups. */
const USERS = 9;

const SECRET_TEAM = 'group:default/secret-team';
/** May read every entity but the secret team's. */
const RESTRICTED = 'user:default/restricted';
/** May read every entity. */
const READER = 'user:default/reader';

/**
 * Everyone may do everything, except that RESTRICTED may read only the
 * entities the secret team does not own: a conditional decision, which the
 * catalog turns into a filter of its own queries.
 */
class HideSecretTeamPolicy implements PermissionPolicy {
  async handle(
    ...[request, user]: Parameters<PermissionPolicy['handle']>
  ): ReturnType<PermissionPolicy['handle']> {
    const principal = user?.credentials.principal as
      | { type: 'user'; userEntityRef: string }
      | undefined;
    if (
      principal?.userEntityRef === RESTRICTED &&
      isResourcePermission(request.permission, 'catalog-entity') &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.isEntityOwner({ claims: [SECRET_TEAM] }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

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

/** The patterns an entity declares or has evidence of, once each. */
function patternTargets(entity: Entity): string[] {
  return [
    ...new Set(
      (entity.relations ?? [])
        .filter(
          r =>
            r.type === RELATION_USES_PATTERN ||
            r.type === RELATION_HAS_PATTERN_EVIDENCE,
        )
        .map(r => r.targetRef),
    ),
  ].sort();
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
        permissionPolicy: new HideSecretTeamPolicy(),
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
          error: expect.objectContaining({ name: 'InputError', message }),
        },
      ]);
    });

    it('lists the users of a pattern grouped by owner', async () => {
      const usage: PatternUsage = await get(
        '/api/patterns/v1/patterns/circuit-breaker/usage',
      );
      expect(usage).toEqual({
        patternId: 'circuit-breaker',
        total: 6,
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
                source: 'declared',
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
                source: 'declared',
              },
              {
                ref: 'api:default/payments-api',
                kind: 'API',
                namespace: 'default',
                name: 'payments-api',
                title: 'Payments API',
                type: 'openapi',
                source: 'declared',
              },
            ],
          },
          {
            owner: 'group:default/secret-team',
            entities: [
              {
                ref: 'component:default/vault-service',
                kind: 'Component',
                namespace: 'default',
                name: 'vault-service',
                title: 'Vault',
                type: 'service',
                source: 'declared',
              },
              {
                ref: 'api:default/vault-api',
                kind: 'API',
                namespace: 'default',
                name: 'vault-api',
                title: 'Vault API',
                type: 'openapi',
                source: 'declared',
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
                source: 'declared',
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
        'group:default/secret-team',
        'unowned',
      ]);
      const cells = Object.fromEntries(
        adoption.counts.map(c => [`${c.patternId} × ${c.owner}`, c.count]),
      );
      expect(cells).toEqual({
        'rest × group:default/payments-team': 1,
        'rest × group:default/secret-team': 1,
        'circuit-breaker × group:default/orders-team': 1,
        'circuit-breaker × group:default/payments-team': 2,
        'circuit-breaker × group:default/secret-team': 2,
        'circuit-breaker × unowned': 1,
        'retry-with-backoff × group:default/payments-team': 1,
        'timeout × group:default/orders-team': 2,
        'saga × group:default/orders-team': 1,
        'saga × group:default/secret-team': 1,
        'outbox × group:default/orders-team': 1,
        'pub-sub × group:default/orders-team': 1,
        'event-driven-architecture × group:default/orders-team': 1,
      });
      // The OpenAPI APIs' type is (weak) evidence of REST, which nobody declares.
      const bySource = Object.fromEntries(
        adoption.counts.map(c => [`${c.patternId} × ${c.owner}`, c.bySource]),
      );
      expect(bySource['rest × group:default/payments-team']).toEqual({
        both: 0,
        declared: 0,
        detected: 1,
      });
      expect(bySource['pub-sub × group:default/orders-team']).toEqual({
        both: 1,
        declared: 0,
        detected: 0,
      });
      expect(bySource['timeout × group:default/orders-team']).toEqual({
        both: 0,
        declared: 2,
        detected: 0,
      });
      expect(bySource['circuit-breaker × group:default/payments-team']).toEqual(
        { both: 0, declared: 2, detected: 0 },
      );
      const used = {
        rest: 2,
        'circuit-breaker': 6,
        'retry-with-backoff': 1,
        saga: 2,
        outbox: 1,
        timeout: 2,
        'pub-sub': 1,
        'event-driven-architecture': 1,
      };
      expect(adoption.totals).toEqual({
        ...Object.fromEntries(allIds.map(id => [id, 0])),
        ...used,
      });
    });

    /** What the catalog itself answers these headers: every pattern user. */
    async function catalogView(
      headers: Record<string, string>,
    ): Promise<Entity[]> {
      const declared = await catalog!.get(
        '/api/catalog/entities/by-query?filter=relations.usespattern&limit=1000',
        headers,
      );
      const detected = await catalog!.get(
        '/api/catalog/entities/by-query?filter=relations.haspatternevidence&limit=1000',
        headers,
      );
      const byRef = new Map<string, Entity>();
      for (const entity of [...declared.items, ...detected.items]) {
        byRef.set(stringifyEntityRef(entity), entity);
      }
      return [...byRef.values()];
    }

    /** Usage and adoption as the catalog's own answer implies them. */
    function expectedFrom(view: Entity[]) {
      const usage = new Map<string, string[]>();
      const cells: Record<string, number> = {};
      for (const entity of view) {
        const owners = (entity.relations ?? [])
          .filter(r => r.type === 'ownedBy')
          .map(r => r.targetRef);
        for (const target of patternTargets(entity)) {
          const id = target.replace('pattern:default/', '');
          usage.set(id, [...(usage.get(id) ?? []), stringifyEntityRef(entity)]);
          for (const owner of owners.length ? owners : ['unowned']) {
            const key = `${id} × ${owner}`;
            cells[key] = (cells[key] ?? 0) + 1;
          }
        }
      }
      return { usage, cells };
    }

    /**
     * Asserts that usage and adoption for these headers include exactly the
     * entities the catalog lets the same caller read, and returns their refs.
     */
    async function expectSameAsCatalog(
      headers: Record<string, string>,
    ): Promise<string[]> {
      const view = await catalogView(headers);
      const expected = expectedFrom(view);

      const adoption: PatternAdoption = await catalog!.get(
        '/api/patterns/v1/adoption',
        headers,
      );
      expect(
        Object.fromEntries(
          adoption.counts.map(c => [`${c.patternId} × ${c.owner}`, c.count]),
        ),
      ).toEqual(expected.cells);
      for (const id of adoption.patterns) {
        expect([id, adoption.totals[id]]).toEqual([
          id,
          expected.usage.get(id)?.length ?? 0,
        ]);
      }

      const seen = new Set<string>();
      for (const id of [
        'circuit-breaker',
        'saga',
        'timeout',
        'outbox',
        'rest',
      ]) {
        const usage: PatternUsage = await catalog!.get(
          `/api/patterns/v1/patterns/${id}/usage`,
          headers,
        );
        const refs = usage.owners.flatMap(o => o.entities.map(e => e.ref));
        expect([id, refs.sort()]).toEqual([
          id,
          [...(expected.usage.get(id) ?? [])].sort(),
        ]);
        expect(usage.total).toBe(refs.length);
        refs.forEach(ref => seen.add(ref));
      }
      return [...seen].sort();
    }

    const asUser = (ref: string) => ({
      Authorization: mockCredentials.user.header(ref),
    });
    const secretRefs = [
      'api:default/vault-api',
      'component:default/vault-service',
    ];

    it('hides from a user what the policy hides, and counts only what they may read', async () => {
      const restricted = await expectSameAsCatalog(asUser(RESTRICTED));
      const reader = await expectSameAsCatalog(asUser(READER));

      // The policy does hide something: the secret team's entities, and
      // nothing else.
      expect(reader).toEqual(expect.arrayContaining(secretRefs));
      expect(restricted).toEqual(reader.filter(r => !secretRefs.includes(r)));

      const adoption: PatternAdoption = await catalog!.get(
        '/api/patterns/v1/adoption',
        asUser(RESTRICTED),
      );
      expect(adoption.owners).not.toContain(SECRET_TEAM);
      expect(adoption.totals['circuit-breaker']).toBe(4);
      expect(adoption.totals.saga).toBe(1);
      const usage: PatternUsage = await catalog!.get(
        '/api/patterns/v1/patterns/circuit-breaker/usage',
        asUser(RESTRICTED),
      );
      expect(usage.total).toBe(4);
      expect(usage.owners.map(o => o.owner)).not.toContain(SECRET_TEAM);
    });

    it('answers a service caller what the catalog answers the patterns plugin: every entity', async () => {
      // Another backend plugin, with its own service token.
      const service = { Authorization: mockCredentials.service.header() };
      const refs = await expectSameAsCatalog(service);

      // The catalog answers the patterns plugin's own token the same: the
      // permission policy does not apply to service principals.
      const asPatternsPlugin = {
        Authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.service('plugin:patterns'),
          targetPluginId: 'catalog',
        })}`,
      };
      const ownView = (await catalogView(asPatternsPlugin))
        .map(e => stringifyEntityRef(e))
        .sort();
      const serviceView = (await catalogView(service))
        .map(e => stringifyEntityRef(e))
        .sort();
      expect(serviceView).toEqual(ownView);
      expect(ownView).toHaveLength(USERS);
      expect(refs).toEqual(expect.arrayContaining(secretRefs));
    });

    it("reports one entity's three states through the real catalog module", async () => {
      const entity = await getEntity('api:default/order-events');
      expect(
        (entity.relations ?? [])
          .filter(r => r.type === RELATION_HAS_PATTERN_EVIDENCE)
          .map(r => r.targetRef)
          .sort(),
      ).toEqual([
        'pattern:default/event-driven-architecture',
        'pattern:default/pub-sub',
      ]);

      const report = await get(
        '/api/patterns/v1/entities/api/default/order-events/patterns',
      );
      expect(report).toMatchObject({
        entityRef: 'api:default/order-events',
        declared: ['pub-sub', 'timeout'],
        states: [
          { id: 'pub-sub', state: 'declared-and-detected' },
          { id: 'timeout', state: 'declared-no-evidence' },
          { id: 'event-driven-architecture', state: 'detected-not-declared' },
        ],
        annotationLineForDetected:
          'system-design/patterns: pub-sub, timeout, event-driven-architecture',
        evidenceWarnings: [],
      });
      expect(report.detected.map((d: { id: string }) => d.id)).toEqual([
        'event-driven-architecture',
        'pub-sub',
      ]);
      expect(report.detected[1].evidence).toEqual([
        {
          rule: 'api-type-asyncapi',
          source: 'spec.type',
          detail: 'asyncapi',
          strength: 'weak',
        },
      ]);

      const usage: PatternUsage = await get(
        '/api/patterns/v1/patterns/event-driven-architecture/usage',
      );
      expect(usage.owners).toEqual([
        {
          owner: 'group:default/orders-team',
          entities: [
            expect.objectContaining({
              ref: 'api:default/order-events',
              source: 'detected',
            }),
          ],
        },
      ]);
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
