import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { outcomePatternIds } from '@system-design/backstage-plugin-patterns-common';
import {
  DefaultPatternContentService,
  PatternContent,
  patternContentServiceRef,
} from '@system-design/backstage-plugin-patterns-node';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { patternsPlugin } from './plugin';

/**
 * Content that came from elsewhere than the loader (which drops aliases
 * equal to an id): `saga` comes first and claims `timeout` and `deadline`
 * as aliases, `timeout` claims `deadline` too.
 */
function startBackendWithCollidingAliases() {
  const directory = writeContentDirectory(
    {
      'data/saga.md': patternDocumentSource('saga', {
        frontMatter: { category: 'data' },
      }),
      'resilience/timeout.md': patternDocumentSource('timeout'),
    },
    {
      'categories.yaml':
        'categories:\n  - { id: data, title: Data Patterns, patterns: [saga] }\n  - { id: resilience, title: Resilience Patterns, patterns: [timeout] }\n',
    },
  );
  const loaded = DefaultPatternContentService.fromConfig(
    mockServices.rootConfig({
      data: {
        patterns: {
          content: { directories: [directory], includeBuiltIn: false },
        },
      },
    }),
    { logger: mockServices.logger.mock() },
  );
  const colliding = async (): Promise<PatternContent> => {
    const content = await loaded.getContent();
    const byId = (id: string) => content.patterns.find(p => p.id === id)!;
    return {
      ...content,
      patterns: [
        { ...byId('saga'), aliases: ['timeout', 'deadline'] },
        { ...byId('timeout'), aliases: ['deadline'] },
      ],
    };
  };
  return startTestBackend({
    features: [
      patternsPlugin,
      createServiceFactory({
        service: patternContentServiceRef,
        deps: {},
        factory: () => ({ getContent: colliding }),
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  }).then(backend => backend.server);
}

async function startBackend() {
  const content = writeContentDirectory(
    {
      'resilience/timeout.md': patternDocumentSource('timeout', {
        frontMatter: {
          aliases: ['deadline'],
          related: [{ id: 'saga', relation: 'complements' }],
        },
      }),
      'data/saga.md': patternDocumentSource('saga', {
        frontMatter: {
          category: 'data',
          related: [{ id: 'timeout', relation: 'complements' }],
        },
      }),
    },
    {
      'categories.yaml':
        'categories:\n  - { id: resilience, title: Resilience Patterns, focus: Fault tolerance, patterns: [timeout] }\n  - { id: data, title: Data Patterns, patterns: [saga] }\n',
      'scenarios.yaml':
        'scenarios:\n  - { scenario: E-commerce checkout, patterns: [saga, timeout] }\n',
      'decision-tree.yaml': [
        'start: { text: What problem are you solving?, next: consistency }',
        'questions:',
        '  consistency:',
        '    text: Need distributed transactions?',
        "    answers: [{ label: 'Yes', next: saga }, { label: 'No', next: timeout }]",
        'outcomes:',
        '  saga: { patterns: [saga], why: Local transactions with compensations. }',
        '  timeout: { patterns: [timeout], why: Bounded waits. }',
        '',
      ].join('\n'),
      'layers.yaml':
        'layers:\n  - { id: data, title: Data Layer, patterns: [saga] }\nlinks: []\n',
    },
  );
  const { server } = await startTestBackend({
    features: [
      patternsPlugin,
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          patterns: {
            content: { directories: [content], includeBuiltIn: false },
          },
        },
      }),
    ],
  });
  return server;
}

describe('patterns backend', () => {
  const user = { Authorization: mockCredentials.user.header() };
  const service = { Authorization: mockCredentials.service.header() };

  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/patterns/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each([
    '/v1/patterns',
    '/v1/patterns/timeout',
    '/v1/categories',
    '/v1/scenarios',
    '/v1/decision-tree',
    '/v1/graph',
    '/v1/gaps',
  ])('refuses %s without credentials', async route => {
    const server = await startBackend();
    const res = await request(server).get(`/api/patterns${route}`);
    expect(res.status).toBe(401);
  });

  it('lists pattern summaries in category order', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/patterns/v1/patterns')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: 'timeout',
        title: 'Timeout',
        category: 'resilience',
        bestFor: 'Testing',
        tradeoff: 'Speed vs coverage',
        summary: 'The timeout pattern.',
        aliases: ['deadline'],
        related: [{ id: 'saga', relation: 'complements' }],
      },
      expect.objectContaining({ id: 'saga', category: 'data' }),
    ]);
    expect(res.body.items[0]).not.toHaveProperty('sections');
  });

  it('serves one document with its sections in order, to services too', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/patterns/v1/patterns/timeout')
      .set(service);
    expect(res.status).toBe(200);
    expect(res.body.sections.map((s: { title: string }) => s.title)).toEqual([
      'Overview',
      'Why Use It',
      'When to Use',
      'When NOT to Use',
      'How It Works',
      'Pros and Cons',
      'Implementation Example',
      'Real-World Examples',
      'Related Patterns',
    ]);
    expect(res.body.sections[4].blocks).toContainEqual(
      expect.objectContaining({ type: 'mermaid' }),
    );
    expect(res.body.sections[6].blocks).toContainEqual(
      expect.objectContaining({ type: 'code', language: 'ts' }),
    );
  });

  it('finds a document by alias, case-insensitively', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/patterns/v1/patterns/DEADLINE')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe('timeout');
  });

  it("never lets an alias shadow another pattern's id", async () => {
    const server = await startBackendWithCollidingAliases();
    for (const path of ['timeout', 'TIMEOUT']) {
      const res = await request(server)
        .get(`/api/patterns/v1/patterns/${path}`)
        .set(user);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe('timeout');
    }
    // An alias claimed twice belongs to the first pattern that claims it.
    const res = await request(server)
      .get('/api/patterns/v1/patterns/deadline')
      .set(user);
    expect(res.body.id).toBe('saga');
    const usage = await request(server)
      .get('/api/patterns/v1/patterns/timeout/usage')
      .set(user);
    expect(usage.body).toEqual({ patternId: 'timeout', total: 0, owners: [] });
  });

  it('answers 404 with the standard error body for an unknown id', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/patterns/v1/patterns/does-not-exist')
      .set(user);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        name: 'NotFoundError',
        message: 'No pattern with id "does-not-exist"',
      }),
    );
    expect(res.body.response).toEqual({ statusCode: 404 });
  });

  it('lists categories and scenarios', async () => {
    const server = await startBackend();
    const categories = await request(server)
      .get('/api/patterns/v1/categories')
      .set(user);
    expect(categories.body.items).toEqual([
      expect.objectContaining({ id: 'resilience', patterns: ['timeout'] }),
      expect.objectContaining({ id: 'data', patterns: ['saga'] }),
    ]);
    const scenarios = await request(server)
      .get('/api/patterns/v1/scenarios')
      .set(user);
    expect(scenarios.body.items).toEqual([
      { scenario: 'E-commerce checkout', patterns: ['saga', 'timeout'] },
    ]);
  });

  it('serves the decision tree', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/patterns/v1/decision-tree')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.start).toEqual({
      text: 'What problem are you solving?',
      next: 'consistency',
    });
    expect(res.body.questions.consistency.answers).toEqual([
      { label: 'Yes', next: 'saga' },
      { label: 'No', next: 'timeout' },
    ]);
    // The outcome's shape belongs to -common; its pattern set is what counts.
    expect(outcomePatternIds(res.body.outcomes.saga)).toEqual(['saga']);
  });

  it('serves the graph with one edge per related pair, and the layers', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/patterns/v1/graph').set(user);
    expect(res.status).toBe(200);
    expect(res.body.nodes).toEqual([
      { id: 'timeout', title: 'Timeout', category: 'resilience' },
      { id: 'saga', title: 'Saga', category: 'data' },
    ]);
    expect(res.body.edges).toEqual([
      { source: 'saga', target: 'timeout', relation: 'complements' },
    ]);
    expect(res.body.layers).toEqual({
      layers: [{ id: 'data', title: 'Data Layer', patterns: ['saga'] }],
      links: [],
    });
  });
});
