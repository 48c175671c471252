import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { patternsPlugin } from './plugin';

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
          patterns: { content: { directories: [content], includeBuiltIn: false } },
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
    const res = await request(server).get('/api/patterns/v1/patterns').set(user);
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
    expect(res.body.outcomes.saga.patterns).toEqual(['saga']);
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
