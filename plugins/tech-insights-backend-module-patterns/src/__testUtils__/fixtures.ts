/* Content and catalog entities for the retriever and check tests. */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  detectedPatternsAnnotation,
  PATTERN_EVIDENCE_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { DefaultPatternContentService } from '@system-design/backstage-plugin-patterns-node';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '@system-design/backstage-plugin-patterns-node/testUtils';

export const contentDirectory = writeContentDirectory(
  {
    'resilience/retry-with-backoff.md': patternDocumentSource(
      'retry-with-backoff',
      {
        frontMatter: {
          aliases: ['retry'],
          related: [{ id: 'timeout', relation: 'complements' }],
        },
      },
    ),
    'resilience/timeout.md': patternDocumentSource('timeout', {
      frontMatter: {
        related: [{ id: 'retry-with-backoff', relation: 'complements' }],
      },
    }),
    'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker'),
    'data/saga.md': patternDocumentSource('saga', {
      frontMatter: { category: 'data' },
    }),
    'data/outbox.md': patternDocumentSource('outbox', {
      frontMatter: { category: 'data' },
    }),
  },
  {
    'categories.yaml': [
      'categories:',
      '  - { id: resilience, title: Resilience Patterns, patterns: [retry-with-backoff, timeout, circuit-breaker] }',
      '  - { id: data, title: Data Patterns, patterns: [saga, outbox] }',
      '',
    ].join('\n'),
    'gaps.yaml': [
      'gaps:',
      '  - { id: retry-without-timeout, uses: [retry-with-backoff], unlessAny: [timeout], message: Retries need a timeout., suggest: [timeout] }',
      '  - { id: saga-without-outbox, severity: info, uses: [saga], unlessAny: [outbox], message: Consider an outbox., suggest: [outbox] }',
      '',
    ].join('\n'),
  },
);

export const contentConfig = {
  patterns: {
    content: { directories: [contentDirectory], includeBuiltIn: false },
  },
};

export function testContent() {
  return DefaultPatternContentService.fromConfig(
    mockServices.rootConfig({ data: contentConfig }),
    {
      logger: mockServices.logger.mock(),
    },
  );
}

function entity(ref: string, annotation?: string): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      ...(annotation !== undefined
        ? { annotations: { 'system-design/patterns': annotation } }
        : {}),
    },
    spec: {
      type: 'service',
      owner: 'group:default/team-a',
      lifecycle: 'production',
    },
  };
}

/** Passes every check. */
export const healthy = entity('Component:default/healthy', 'Retry, timeout');
/** Declares nothing. */
export const undeclared = entity('Component:default/undeclared');
/** Retries without a timeout: a risky gap. */
export const risky = entity('Component:default/risky', 'retry-with-backoff');
/** A typo: an annotation problem. */
export const typo = entity('API:default/typo', 'circuit-breaker, timout');
/** Only advice (saga without outbox is `info`), so no risky gap. */
export const advised = entity('System:default/advised', 'saga');
/** Declares nothing, but the catalog module recorded evidence of retries. */
export const detected: Entity = {
  ...entity('Component:default/detected'),
  metadata: {
    name: 'detected',
    namespace: 'default',
    annotations: {
      [PATTERN_EVIDENCE_ANNOTATION]: detectedPatternsAnnotation([
        {
          id: 'retry-with-backoff',
          evidence: [
            {
              rule: 'npm-p-retry',
              source: 'package.json',
              detail: 'p-retry@6.2.0',
              strength: 'strong',
            },
          ],
        },
      ]),
    },
  },
};

/** Not a kind the facts are about. */
export const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
} as Entity;

export const exampleEntities = [
  healthy,
  undeclared,
  risky,
  typo,
  advised,
  detected,
  team,
];
