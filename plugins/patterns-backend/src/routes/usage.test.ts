import express from 'express';
import request from 'supertest';
import {
  BackstageUserPrincipal,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogServiceRequestOptions } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DefaultPatternContentService } from '@system-design/backstage-plugin-patterns-node';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { patternsPlugin } from '../plugin';
import { PatternContentReader } from '../service/PatternContentReader';
import { PatternUsageService } from '../service/PatternUsageService';
import { EntityPatternReportService } from '../service/EntityPatternReportService';
import { createRouter } from './createRouter';

const contentDirectory = writeContentDirectory(
  {
    'resilience/timeout.md': patternDocumentSource('timeout', {
      frontMatter: { aliases: ['deadline'] },
    }),
    'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker'),
    'data/saga.md': patternDocumentSource('saga', {
      frontMatter: { category: 'data' },
    }),
  },
  {
    'categories.yaml':
      'categories:\n  - { id: resilience, title: Resilience Patterns, patterns: [timeout, circuit-breaker] }\n  - { id: data, title: Data Patterns, patterns: [saga] }\n',
    'scenarios.yaml': 'scenarios: []\n',
  },
);

function entity(
  ref: string,
  options: {
    owner?: string;
    /** Declared: usesPattern relations. */
    patterns?: string[];
    /** Detected: hasPatternEvidence relations. */
    detected?: string[];
    title?: string;
    type?: string;
  },
): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      ...(options.title ? { title: options.title } : {}),
      annotations: {
        'system-design/patterns': (options.patterns ?? []).join(', '),
      },
    },
    spec: {
      ...(options.type ? { type: options.type } : {}),
      ...(options.owner ? { owner: options.owner } : {}),
    },
    relations: [
      ...(options.owner ? [{ type: 'ownedBy', targetRef: options.owner }] : []),
      ...(options.patterns ?? []).map(id => ({
        type: 'usesPattern',
        targetRef: `pattern:default/${id}`,
      })),
      ...(options.detected ?? []).map(id => ({
        type: 'hasPatternEvidence',
        targetRef: `pattern:default/${id}`,
      })),
    ],
  };
}

const checkout = entity('component:default/checkout', {
  title: 'Checkout',
  type: 'service',
  owner: 'group:default/payments',
  patterns: ['saga', 'timeout'],
});
const billing = entity('component:default/billing', {
  type: 'service',
  owner: 'group:default/payments',
  patterns: ['saga'],
  detected: ['saga', 'circuit-breaker'],
});
// Declares nothing; its files show a saga.
const worker = entity('component:default/worker', {
  type: 'service',
  owner: 'group:default/payments',
  detected: ['saga'],
});
const ordersApi = entity('api:default/orders-api', {
  type: 'openapi',
  owner: 'group:default/orders',
  patterns: ['saga'],
});
const legacy = entity('component:default/legacy', { patterns: ['timeout'] });
const unrelated = entity('component:default/unrelated', {
  owner: 'group:default/orders',
});
// Its only relation contains "pattern:default/saga" as a substring.
const lookalike = entity('component:default/lookalike', {
  owner: 'group:default/orders',
  patterns: ['saga-choreography'],
});

async function startBackend(catalog: ServiceFactory) {
  const { server } = await startTestBackend({
    features: [
      patternsPlugin,
      catalog,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          patterns: {
            content: {
              directories: [contentDirectory],
              includeBuiltIn: false,
            },
          },
        },
      }),
    ],
  });
  return server;
}

const user = { Authorization: mockCredentials.user.header() };

describe('usage and adoption against an in-memory catalog', () => {
  const catalog = () =>
    catalogServiceMock.factory({
      entities: [
        checkout,
        billing,
        worker,
        ordersApi,
        legacy,
        unrelated,
        lookalike,
      ],
    });

  it('lists the entities using a pattern, grouped by owner, sorted, each with its source', async () => {
    const server = await startBackend(catalog());
    const res = await request(server)
      .get('/api/patterns/v1/patterns/saga/usage')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      patternId: 'saga',
      total: 4,
      owners: [
        {
          owner: 'group:default/orders',
          entities: [
            {
              ref: 'api:default/orders-api',
              kind: 'api',
              namespace: 'default',
              name: 'orders-api',
              type: 'openapi',
              source: 'declared',
            },
          ],
        },
        {
          owner: 'group:default/payments',
          entities: [
            {
              ref: 'component:default/billing',
              kind: 'component',
              namespace: 'default',
              name: 'billing',
              type: 'service',
              source: 'both',
            },
            {
              ref: 'component:default/checkout',
              kind: 'component',
              namespace: 'default',
              name: 'checkout',
              title: 'Checkout',
              type: 'service',
              source: 'declared',
            },
            {
              ref: 'component:default/worker',
              kind: 'component',
              namespace: 'default',
              name: 'worker',
              type: 'service',
              source: 'detected',
            },
          ],
        },
      ],
    });
  });

  it('lists a pattern that is only detected', async () => {
    const server = await startBackend(catalog());
    const res = await request(server)
      .get('/api/patterns/v1/patterns/circuit-breaker/usage')
      .set(user);
    expect(res.body).toEqual({
      patternId: 'circuit-breaker',
      total: 1,
      owners: [
        {
          owner: 'group:default/payments',
          entities: [
            expect.objectContaining({
              ref: 'component:default/billing',
              source: 'detected',
            }),
          ],
        },
      ],
    });
  });

  it('puts entities without an owner under "unowned", and resolves aliases', async () => {
    const server = await startBackend(catalog());
    const res = await request(server)
      .get('/api/patterns/v1/patterns/DEADLINE/usage')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.patternId).toBe('timeout');
    expect(res.body.total).toBe(2);
    expect(
      res.body.owners.map(
        (o: { owner: string; entities: { ref: string }[] }) => [
          o.owner,
          o.entities.map(e => e.ref),
        ],
      ),
    ).toEqual([
      ['group:default/payments', ['component:default/checkout']],
      ['unowned', ['component:default/legacy']],
    ]);
  });

  it('answers an empty usage for a known pattern nobody uses', async () => {
    const server = await startBackend(
      catalogServiceMock.factory({
        entities: [checkout, unrelated, lookalike],
      }),
    );
    const res = await request(server)
      .get('/api/patterns/v1/patterns/circuit-breaker/usage')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      patternId: 'circuit-breaker',
      total: 0,
      owners: [],
    });
  });

  it('answers 404 for an unknown pattern', async () => {
    const server = await startBackend(catalog());
    const res = await request(server)
      .get('/api/patterns/v1/patterns/nope/usage')
      .set(user);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('counts adoption per pattern and owner, split by source, including unused patterns', async () => {
    const server = await startBackend(catalog());
    const res = await request(server)
      .get('/api/patterns/v1/adoption')
      .set(user);
    expect(res.status).toBe(200);
    const by = (both: number, declared: number, detected: number) => ({
      both,
      declared,
      detected,
    });
    expect(res.body).toEqual({
      patterns: ['timeout', 'circuit-breaker', 'saga'],
      owners: ['group:default/orders', 'group:default/payments', 'unowned'],
      counts: [
        {
          patternId: 'timeout',
          owner: 'group:default/payments',
          count: 1,
          bySource: by(0, 1, 0),
        },
        {
          patternId: 'timeout',
          owner: 'unowned',
          count: 1,
          bySource: by(0, 1, 0),
        },
        {
          patternId: 'circuit-breaker',
          owner: 'group:default/payments',
          count: 1,
          bySource: by(0, 0, 1),
        },
        {
          patternId: 'saga',
          owner: 'group:default/orders',
          count: 1,
          bySource: by(0, 1, 0),
        },
        {
          patternId: 'saga',
          owner: 'group:default/payments',
          count: 3,
          bySource: by(1, 1, 1),
        },
      ],
      totals: { timeout: 2, 'circuit-breaker': 1, saga: 4 },
    });
  });

  it('reads every page of a pattern with many users', async () => {
    const many = Array.from({ length: 1234 }, (_, i) =>
      entity(`component:default/service-${i}`, {
        owner: `group:default/team-${i % 3}`,
        patterns: i % 2 ? ['saga', 'timeout'] : ['timeout'],
      }),
    );
    const server = await startBackend(
      catalogServiceMock.factory({ entities: [...many, lookalike] }),
    );
    const res = await request(server)
      .get('/api/patterns/v1/patterns/timeout/usage')
      .set(user);
    expect(res.body.total).toBe(1234);
    const refs = res.body.owners.flatMap((o: { entities: { ref: string }[] }) =>
      o.entities.map(e => e.ref),
    );
    expect(new Set(refs).size).toBe(1234);
    const adoption = await request(server)
      .get('/api/patterns/v1/adoption')
      .set(user);
    expect(adoption.body.totals).toEqual({
      timeout: 1234,
      'circuit-breaker': 0,
      saga: 617,
    });
  });

  it.each(['/v1/patterns/saga/usage', '/v1/adoption'])(
    'refuses %s without a token',
    async route => {
      const server = await startBackend(catalog());
      const res = await request(server).get(`/api/patterns${route}`);
      expect(res.status).toBe(401);
    },
  );
});

describe('usage and adoption read the catalog as the caller', () => {
  const ALLOWED = 'user:default/allowed';
  const secret = entity('component:default/secret-service', {
    owner: 'group:default/secret-team',
    patterns: ['saga'],
  });

  function mayReadSecret(options: unknown) {
    const { credentials } = options as CatalogServiceRequestOptions;
    const principal = credentials.principal as
      | BackstageUserPrincipal
      | { type: string };
    return 'userEntityRef' in principal && principal.userEntityRef === ALLOWED;
  }

  /** A catalog whose answers depend on who asks, like a permission policy. */
  function permissionedCatalog() {
    const visibleTo = (options: unknown) =>
      mayReadSecret(options) ? [checkout, secret] : [checkout];
    return catalogServiceMock.mock({
      streamEntities: jest.fn(async function* stream(_req, options) {
        yield visibleTo(options);
      }),
      getEntities: jest.fn(async (_req, options) => ({
        items: visibleTo(options),
      })),
    });
  }

  it('shows an entity only to a caller the catalog lets read it', async () => {
    const catalog = permissionedCatalog();
    const server = await startBackend(catalog.factory);

    const allowed = await request(server)
      .get('/api/patterns/v1/patterns/saga/usage')
      .set({ Authorization: mockCredentials.user.header(ALLOWED) });
    const other = await request(server)
      .get('/api/patterns/v1/patterns/saga/usage')
      .set({
        Authorization: mockCredentials.user.header('user:default/other'),
      });

    expect(allowed.status).toBe(200);
    expect(other.status).toBe(200);
    expect(JSON.stringify(allowed.body)).toContain('secret-service');
    expect(JSON.stringify(other.body)).not.toContain('secret');
    expect(other.body.total).toBe(1);

    // Two indexed walks per request (declared, detected), each as the caller.
    expect(catalog.streamEntities).toHaveBeenCalledTimes(4);
    expect(catalog.streamEntities).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({
        orderFields: { field: 'relations.usespattern', order: 'asc' },
        fullTextFilter: {
          term: 'pattern:default/saga',
          fields: ['relations.usespattern'],
        },
      }),
      { credentials: mockCredentials.user(ALLOWED) },
    );
    expect(catalog.streamEntities).toHaveBeenNthCalledWith(
      2,
      expect.objectContaining({
        orderFields: { field: 'relations.haspatternevidence', order: 'asc' },
        fullTextFilter: {
          term: 'pattern:default/saga',
          fields: ['relations.haspatternevidence'],
        },
      }),
      { credentials: mockCredentials.user(ALLOWED) },
    );
    for (const n of [3, 4]) {
      expect(catalog.streamEntities).toHaveBeenNthCalledWith(
        n,
        expect.anything(),
        { credentials: mockCredentials.user('user:default/other') },
      );
    }
  });

  it('counts an entity only for a caller the catalog lets read it', async () => {
    const catalog = permissionedCatalog();
    const server = await startBackend(catalog.factory);

    const allowed = await request(server)
      .get('/api/patterns/v1/adoption')
      .set({ Authorization: mockCredentials.user.header(ALLOWED) });
    const other = await request(server)
      .get('/api/patterns/v1/adoption')
      .set({ Authorization: mockCredentials.service.header() });

    expect(allowed.body.owners).toContain('group:default/secret-team');
    expect(allowed.body.totals.saga).toBe(2);
    expect(JSON.stringify(other.body)).not.toContain('secret');
    expect(other.body.totals.saga).toBe(1);

    // One paged catalog query per request, each with the caller's own
    // credentials.
    expect(catalog.streamEntities.mock.calls.map(c => c[1])).toEqual([
      { credentials: mockCredentials.user(ALLOWED) },
      { credentials: mockCredentials.service() },
    ]);
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });

  it('passes the very credentials object the request resolved to', async () => {
    const credentials = mockCredentials.user(ALLOWED);
    const httpAuth = mockServices.httpAuth.mock({
      credentials: jest.fn(async () => credentials) as any,
    });
    const catalog = permissionedCatalog();
    const patterns = new PatternContentReader(
      new DefaultPatternContentService([contentDirectory], {
        logger: mockServices.logger.mock(),
      }),
    );
    const app = express()
      .use(
        await createRouter({
          patterns,
          usage: new PatternUsageService(catalog, patterns),
          reports: new EntityPatternReportService(catalog, patterns, {
            catalogTimeoutMs: 10_000,
          }),
          httpAuth,
        }),
      )
      .use(mockErrorHandler());

    await request(app).get('/v1/patterns/saga/usage').expect(200);
    await request(app).get('/v1/adoption').expect(200);

    expect(httpAuth.credentials).toHaveBeenCalledTimes(2);
    const options = catalog.streamEntities.mock.calls.map(
      call => call[1] as CatalogServiceRequestOptions,
    );
    expect(options).toHaveLength(3); // two usage walks, one adoption query
    for (const option of options) {
      expect(option.credentials).toBe(credentials);
    }
  });
});
