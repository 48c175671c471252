/*
 * Usage and adoption read the catalog in pages, within a deadline, and
 * answer 503 with Backstage's error body when the catalog is slow or down.
 */
import request from 'supertest';
import {
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError, ResponseError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { patternsPlugin } from '../plugin';

const contentDirectory = writeContentDirectory(
  {
    'resilience/timeout.md': patternDocumentSource('timeout'),
    'data/saga.md': patternDocumentSource('saga', {
      frontMatter: { category: 'data' },
    }),
  },
  {
    'categories.yaml':
      'categories:\n  - { id: resilience, title: Resilience Patterns, patterns: [timeout] }\n  - { id: data, title: Data Patterns, patterns: [saga] }\n',
    'scenarios.yaml': 'scenarios: []\n',
  },
);

function user(name: string, patterns: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/team' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team' },
      ...patterns.map(id => ({
        type: 'usesPattern',
        targetRef: `pattern:default/${id}`,
      })),
    ],
  };
}

const TIMEOUT_MS = 300;

async function startBackend(catalog: ServiceFactory) {
  const { server } = await startTestBackend({
    features: [
      patternsPlugin,
      catalog,
      mockServices.rootConfig.factory({
        data: {
          patterns: {
            content: { directories: [contentDirectory], includeBuiltIn: false },
            catalog: { timeout: { milliseconds: TIMEOUT_MS } },
          },
        },
      }),
    ],
  });
  return server;
}

const asUser = { Authorization: mockCredentials.user.header() };
const routes = ['/v1/patterns/saga/usage', '/v1/adoption'];

/** A catalog whose every stream behaves as `pages` does. */
function streamingCatalog(pages: () => AsyncGenerator<Entity[]>) {
  return catalogServiceMock.mock({
    streamEntities: jest.fn(() => pages()),
  });
}

/** A promise that never settles: a catalog that accepted and never answers. */
const never = () => new Promise<never>(() => {});

async function responseError(status: number, statusText: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'database is down' },
        request: { method: 'GET', url: '/entities/by-query' },
        response: { statusCode: status },
      }),
      { status, statusText, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/** Backstage's error body for a 503, with no stack at any depth. */
function serviceUnavailable(
  message: string,
  cause?: { name: string; message: string },
) {
  return {
    error: {
      name: 'ServiceUnavailableError',
      message,
      ...(cause ? { cause } : {}),
    },
    request: expect.objectContaining({ method: 'GET' }),
    response: { statusCode: 503 },
  };
}

describe('adoption pages through the catalog', () => {
  it('streams the users in pages, projected to their relations', async () => {
    const many = Array.from({ length: 2500 }, (_, i) =>
      user(`service-${i}`, i % 2 ? ['saga', 'timeout'] : ['timeout']),
    );
    const catalog = catalogServiceMock({ entities: many });
    const streamEntities = jest.spyOn(catalog, 'streamEntities');
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const server = await startBackend(
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    );

    const res = await request(server)
      .get('/api/patterns/v1/adoption')
      .set(asUser);

    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ timeout: 2500, saga: 1250 });
    expect(getEntities).not.toHaveBeenCalled();
    expect(streamEntities).toHaveBeenCalledTimes(1);
    const [query] = streamEntities.mock.calls[0];
    expect(query).toEqual(
      expect.objectContaining({
        filter: [
          { 'relations.usespattern': CATALOG_FILTER_EXISTS },
          { 'relations.haspatternevidence': CATALOG_FILTER_EXISTS },
        ],
        fields: ['relations'],
        pageSize: expect.any(Number),
      }),
    );
    // Every page is bounded: more than one page for 2,500 users.
    const limits = queryEntities.mock.calls.map(
      ([q]) => (q as { limit?: number }).limit,
    );
    expect(limits.length).toBeGreaterThan(1);
    for (const limit of limits) expect(limit).toBeLessThanOrEqual(1000);
  });
});

describe('a catalog that is slow or down', () => {
  it.each(routes)(
    '%s answers 503 when the catalog never answers',
    async route => {
      const catalog = streamingCatalog(async function* hang() {
        yield await never();
      });
      const server = await startBackend(catalog.factory);
      const started = Date.now();
      const res = await request(server)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
      expect(res.status).toBe(503);
      expect(res.body).toEqual(
        serviceUnavailable(
          `The software catalog did not answer within ${TIMEOUT_MS} ms`,
        ),
      );
    },
  );

  it.each(routes)(
    '%s answers 503 when the catalog stops answering after a page',
    async route => {
      const catalog = streamingCatalog(async function* stall() {
        yield [user('first', ['saga'])];
        yield await never();
      });
      const server = await startBackend(catalog.factory);
      const res = await request(server)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(res.status).toBe(503);
      expect(res.body).toEqual(
        serviceUnavailable(
          `The software catalog did not answer within ${TIMEOUT_MS} ms`,
        ),
      );
    },
  );

  it.each(routes)(
    '%s answers 503 when the catalog answers 500',
    async route => {
      const error = await responseError(500, 'Internal Server Error');
      const catalog = streamingCatalog(async function* fail() {
        throw error;
      });
      const server = await startBackend(catalog.factory);
      const res = await request(server)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(res.status).toBe(503);
      expect(res.body).toEqual(
        serviceUnavailable(
          'The software catalog is unavailable; caused by ResponseError: Request failed with 500 Internal Server Error',
          {
            name: 'ResponseError',
            message: 'Request failed with 500 Internal Server Error',
          },
        ),
      );
    },
  );

  it.each(routes)(
    '%s answers 503 when the catalog cannot be reached',
    async route => {
      const catalog = streamingCatalog(async function* unreachable() {
        throw new TypeError('fetch failed', {
          cause: Object.assign(
            new Error('connect ECONNREFUSED 127.0.0.1:7007'),
            { code: 'ECONNREFUSED' },
          ),
        });
      });
      const server = await startBackend(catalog.factory);
      const res = await request(server)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(res.status).toBe(503);
      expect(res.body).toEqual(
        serviceUnavailable(
          'The software catalog is unavailable; caused by TypeError: fetch failed (ECONNREFUSED)',
          { name: 'TypeError', message: 'fetch failed (ECONNREFUSED)' },
        ),
      );
    },
  );

  it.each(routes)(
    '%s passes a refusal through with its own status',
    async route => {
      const forbidden = await responseError(403, 'Forbidden');
      const catalog = streamingCatalog(async function* refuse() {
        throw forbidden;
      });
      const server = await startBackend(catalog.factory);
      const res = await request(server)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(res.status).toBe(403);

      const restricted = streamingCatalog(async function* restrict() {
        throw new NotAllowedError(
          "Access to target plugin 'catalog' is not included in token's access restrictions",
        );
      });
      const other = await startBackend(restricted.factory);
      const res2 = await request(other)
        .get(`/api/patterns${route}`)
        .set(asUser);
      expect(res2.status).toBe(403);
      expect(res2.body.error.name).toBe('NotAllowedError');
    },
  );
});
