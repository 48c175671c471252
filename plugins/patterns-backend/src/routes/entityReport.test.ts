import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import request from 'supertest';
import { patternsPlugin } from '../plugin';

const content = writeContentDirectory(
  {
    'resilience/retry-with-backoff.md': patternDocumentSource('retry-with-backoff', {
      frontMatter: { aliases: ['retry'], related: [{ id: 'timeout', relation: 'complements' }] },
    }),
    'resilience/timeout.md': patternDocumentSource('timeout', {
      frontMatter: { related: [{ id: 'retry-with-backoff', relation: 'complements' }] },
    }),
    'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker'),
  },
  {
    'categories.yaml':
      'categories:\n  - { id: resilience, title: Resilience Patterns, patterns: [retry-with-backoff, timeout, circuit-breaker] }\n',
    'gaps.yaml':
      'gaps:\n  - { id: retry-without-timeout, uses: [retry-with-backoff], unlessAny: [timeout], message: Retries need a timeout., suggest: [timeout] }\n',
  },
);

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'system-design/patterns': 'retry, timout' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

/** What the catalog module records for a service whose files show retries and a circuit breaker. */
const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'system-design/patterns': 'retry-with-backoff, timeout',
      'system-design/pattern-evidence': JSON.stringify([
        {
          id: 'circuit-breaker',
          evidence: [{ rule: 'npm-opossum', source: 'package.json', detail: 'opossum@^8.4.0', strength: 'strong' }],
        },
        {
          id: 'retry-with-backoff',
          evidence: [{ rule: 'npm-retry', source: 'package.json', detail: 'p-retry@^6.2.1', strength: 'strong' }],
        },
      ]),
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  status: {
    items: [
      {
        type: 'system-design/pattern-evidence',
        level: 'warning',
        message: 'Pattern evidence: tools/package.json could not be read as package.json: not valid JSON',
        error: {
          name: 'PatternEvidenceWarning',
          message: 'Pattern evidence: tools/package.json could not be read as package.json: not valid JSON',
          patternEvidenceWarning: {
            kind: 'malformed',
            file: 'tools/package.json',
            message: 'tools/package.json could not be read as package.json: not valid JSON',
          },
        },
      },
    ],
  },
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      patternsPlugin,
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: { patterns: { content: { directories: [content], includeBuiltIn: false } } },
      }),
      catalogServiceMock.factory({ entities: [checkout, payments] }),
    ],
  });
  return server;
}

describe('GET /v1/entities/:kind/:namespace/:name/patterns', () => {
  const user = { Authorization: mockCredentials.user.header() };

  it('reports the declared patterns through the shared resolver, with problems, gaps and suggestions', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/patterns/v1/entities/component/default/checkout/patterns')
      .set(user)
      .expect(200);
    expect(response.body).toMatchObject({
      entityRef: 'component:default/checkout',
      annotated: true,
      declared: ['retry-with-backoff'],
      detected: [],
      states: [{ id: 'retry-with-backoff', state: 'declared-no-evidence' }],
      problems: [{ kind: 'unknown-id', token: 'timout', suggestion: 'timeout' }],
      gaps: [{ ruleId: 'retry-without-timeout', missing: ['timeout'] }],
      suggestions: [{ id: 'timeout' }],
    });
  });

  it('shows the three states from the evidence the catalog module recorded, and the line to add', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/patterns/v1/entities/component/default/payments/patterns')
      .set(user)
      .expect(200);
    expect(response.body).toMatchObject({
      declared: ['retry-with-backoff', 'timeout'],
      detected: [{ id: 'circuit-breaker' }, { id: 'retry-with-backoff' }],
      states: [
        { id: 'retry-with-backoff', state: 'declared-and-detected' },
        { id: 'timeout', state: 'declared-no-evidence' },
        { id: 'circuit-breaker', state: 'detected-not-declared' },
      ],
      annotationLineForDetected:
        'system-design/patterns: retry-with-backoff, timeout, circuit-breaker',
      evidenceWarnings: [{ kind: 'malformed', file: 'tools/package.json' }],
      gaps: [],
    });
    expect(response.body.detected[0].evidence).toEqual([
      { rule: 'npm-opossum', source: 'package.json', detail: 'opossum@^8.4.0', strength: 'strong' },
    ]);
  });

  it('answers 404 for an entity the caller cannot find, and 401 without a token', async () => {
    const server = await startBackend();
    const missing = await request(server)
      .get('/api/patterns/v1/entities/component/default/nope/patterns')
      .set(user)
      .expect(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError' });
    await request(server)
      .get('/api/patterns/v1/entities/component/default/checkout/patterns')
      .expect(401);
  });
});
