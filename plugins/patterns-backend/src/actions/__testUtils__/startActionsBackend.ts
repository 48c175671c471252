/*
 * The patterns plugin in a test backend with the actions registry mock, a
 * small content directory, a small decision tree and an in-memory catalog.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DecisionTree } from '@system-design/backstage-plugin-patterns-common';
import {
  DefaultPatternContentService,
  patternContentServiceRef,
} from '@system-design/backstage-plugin-patterns-node';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';
import { patternsPlugin } from '../../plugin';

export const contentDirectory = writeContentDirectory(
  {
    'resilience/retry-with-backoff.md': patternDocumentSource(
      'retry-with-backoff',
      {
        frontMatter: {
          aliases: ['retry'],
          summary: 'Retry transient failures with growing delays.',
          related: [
            { id: 'timeout', relation: 'complements' },
            { id: 'circuit-breaker', relation: 'complements' },
          ],
        },
      },
    ),
    'resilience/timeout.md': patternDocumentSource('timeout', {
      frontMatter: {
        related: [{ id: 'retry-with-backoff', relation: 'complements' }],
      },
    }),
    'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker', {
      frontMatter: {
        bestFor: 'Failing fast on a broken dependency',
        related: [{ id: 'retry-with-backoff', relation: 'complements' }],
      },
    }),
    'data/saga.md': patternDocumentSource('saga', {
      frontMatter: {
        category: 'data',
        related: [{ id: 'outbox', relation: 'complements' }],
      },
    }),
    'data/outbox.md': patternDocumentSource('outbox', {
      frontMatter: {
        category: 'data',
        related: [{ id: 'saga', relation: 'complements' }],
      },
    }),
  },
  {
    'categories.yaml': [
      'categories:',
      '  - { id: resilience, title: Resilience Patterns, patterns: [retry-with-backoff, timeout, circuit-breaker] }',
      '  - { id: data, title: Data Patterns, patterns: [saga, outbox] }',
      '',
    ].join('\n'),
    'scenarios.yaml':
      'scenarios:\n  - { scenario: E-commerce checkout, patterns: [saga, outbox] }\n',
    'gaps.yaml': [
      'gaps:',
      '  - { id: retry-without-timeout, uses: [retry-with-backoff], unlessAny: [timeout], message: Retries need a timeout., suggest: [timeout] }',
      '',
    ].join('\n'),
  },
);

/** A small tree: the start walk, two concerns, outcome sets with companions and alternatives, and exits. */
export const testTree: DecisionTree = {
  start: { text: 'What problem are you solving?', next: 'expose-apis' },
  concerns: [
    { id: 'resilience', title: 'Surviving failures', start: 'failure-kind' },
    { id: 'data', title: 'Data consistency', start: 'data-kind' },
  ],
  questions: {
    'expose-apis': {
      text: 'Need to expose APIs?',
      answers: [
        { label: 'Yes', next: 'no-gateway' },
        { label: 'No', next: 'fault-tolerance' },
      ],
    },
    'fault-tolerance': {
      text: 'Need fault tolerance?',
      answers: [
        { label: 'Yes', next: 'failure-kind' },
        { label: 'No', next: 'data-kind' },
      ],
    },
    'failure-kind': {
      text: 'What kind of failure?',
      answers: [
        { label: 'Transient errors', next: 'retry' },
        { label: 'Cascading failures', next: 'breaker' },
      ],
    },
    'data-kind': {
      text: 'What about the data?',
      answers: [
        { label: 'Steps across services', next: 'saga' },
        { label: 'Reads are slow', next: 'no-cqrs' },
      ],
    },
  },
  outcomes: {
    retry: {
      primary: 'retry-with-backoff',
      why: 'Transient errors usually pass.',
      with: [
        { id: 'timeout', why: 'Every attempt needs a deadline.' },
        {
          id: 'circuit-breaker',
          why: 'Stop retrying a dependency that is down.',
        },
      ],
      alternatives: [],
    },
    breaker: {
      primary: 'circuit-breaker',
      why: 'Fail fast on a broken dependency.',
      with: [
        {
          id: 'timeout',
          why: 'A hung call is not a failure until it times out.',
        },
      ],
      alternatives: [],
    },
    saga: {
      primary: 'saga',
      why: 'Local transactions with compensations.',
      with: [
        { id: 'outbox', why: 'Publish each step’s event with its commit.' },
      ],
      alternatives: [
        {
          title: 'One database transaction',
          link: 'https://example.com/tx',
          why: 'Inside one database, a transaction is simpler.',
        },
      ],
    },
  },
  exits: {
    'no-gateway': {
      title: 'You may not need a gateway',
      why: 'One service with one client needs no front door.',
      instead: [{ id: 'timeout', why: 'Bound the calls you make.' }],
    },
    'no-cqrs': {
      title: 'You may not need CQRS',
      why: 'Read volume alone is answered by a cache or read replicas.',
      instead: [
        {
          title: 'Read replicas',
          link: 'https://example.com/replicas',
          why: 'Scale reads.',
        },
      ],
    },
  },
};

/** A catalog entity that declares patterns, with the relations the catalog module emits. */
export function annotatedEntity(
  ref: string,
  owner: string | undefined,
  annotation: string,
  ids: string[],
): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      annotations: { 'system-design/patterns': annotation },
    },
    spec: { type: 'service', ...(owner ? { owner } : {}) },
    relations: [
      ...(owner ? [{ type: 'ownedBy', targetRef: owner }] : []),
      ...ids.map(id => ({
        type: 'usesPattern',
        targetRef: `pattern:default/${id}`,
      })),
    ],
  };
}

export const exampleEntities: Entity[] = [
  annotatedEntity(
    'component:default/checkout',
    'group:default/payments',
    'saga, retry, timout',
    ['saga', 'retry-with-backoff'],
  ),
  annotatedEntity(
    'component:default/billing',
    'group:default/payments',
    'circuit-breaker, timeout',
    ['circuit-breaker', 'timeout'],
  ),
  annotatedEntity(
    'api:default/orders-api',
    'group:default/orders',
    'circuit-breaker',
    ['circuit-breaker'],
  ),
  annotatedEntity('component:default/legacy', undefined, 'circuit-breaker', [
    'circuit-breaker',
  ]),
];

/**
 * Starts the plugin with the actions registry mock (whose action ids are
 * `test:<name>`) and returns it with the HTTP server, so a test can compare
 * an action with the REST route that answers the same question.
 */
export async function startActionsBackend(
  options: { tree?: DecisionTree | null } = {},
) {
  const actionsRegistry = actionsRegistryServiceMock();
  const loaded = DefaultPatternContentService.fromConfig(
    mockServices.rootConfig({
      data: {
        patterns: {
          content: { directories: [contentDirectory], includeBuiltIn: false },
        },
      },
    }),
    { logger: mockServices.logger.mock() },
  );
  const tree =
    options.tree === undefined ? testTree : options.tree ?? undefined;
  const { server } = await startTestBackend({
    features: [
      patternsPlugin,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actionsRegistry,
      }),
      createServiceFactory({
        service: patternContentServiceRef,
        deps: {},
        factory: () => ({
          getContent: async () => ({
            ...(await loaded.getContent()),
            decisionTree: tree,
          }),
        }),
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities: exampleEntities }),
    ],
  });
  return { actionsRegistry, server };
}
