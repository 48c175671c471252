import {
  PatternIdIndex,
  createPatternIdIndex,
} from '@system-design/backstage-plugin-patterns-common';

/** The built-in pattern ids, as listed in the design. */
export const TEST_PATTERN_IDS = [
  'rest',
  'graphql',
  'grpc',
  'websockets',
  'api-gateway',
  'backend-for-frontend',
  'aggregator',
  'circuit-breaker',
  'retry-with-backoff',
  'bulkhead',
  'rate-limiting',
  'timeout',
  'cqrs',
  'event-sourcing',
  'saga',
  'outbox',
  'two-phase-commit',
  'pub-sub',
  'message-queue',
  'event-driven-architecture',
  'service-registry',
  'sidecar',
  'service-mesh',
  'blue-green-deployment',
  'canary-deployment',
  'rolling-deployment',
  'feature-flags',
  'strangler-fig',
  'database-per-service',
];

const TEST_ALIASES: Record<string, string[]> = {
  'retry-with-backoff': ['retry', 'exponential-backoff'],
  'backend-for-frontend': ['bff'],
  'two-phase-commit': ['2pc'],
  timeout: ['deadline'],
  'circuit-breaker': ['breaker'],
  'pub-sub': ['pubsub', 'publish-subscribe'],
};

/**
 * A fixed index for tests: the built-in ids and a few of their aliases, so
 * the expectations do not move when the built-in content is edited.
 */
export function testPatternIdIndex(): PatternIdIndex {
  return createPatternIdIndex(
    TEST_PATTERN_IDS.map(id => ({ id, aliases: TEST_ALIASES[id] ?? [] })),
  );
}
