import {
  DecisionTree,
  GapRule,
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
  PatternAdoption,
  PatternUsage,
  PATTERN_SECTION_TITLES,
  PatternGraphResponse,
  DetectedPattern,
} from '@system-design/backstage-plugin-patterns-common';

export const circuitBreaker: PatternDocument = {
  id: 'circuit-breaker',
  title: 'Circuit Breaker',
  category: 'resilience',
  bestFor: 'Preventing cascading failures',
  tradeoff: 'Fail-fast vs implementation complexity',
  summary: 'Stops calling a failing dependency for a while.',
  aliases: ['breaker'],
  related: [{ id: 'retry-with-backoff', relation: 'complements' }],
  references: [
    'https://learn.microsoft.com/azure/architecture/patterns/circuit-breaker',
  ],
  sections: PATTERN_SECTION_TITLES.map(title => {
    const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const prose = { type: 'markdown' as const, text: `About **${title}**.` };
    if (title === 'How It Works') {
      return {
        id,
        title,
        markdown: '',
        blocks: [
          prose,
          {
            type: 'mermaid' as const,
            text: 'stateDiagram-v2\n  Closed --> Open',
          },
        ],
      };
    }
    if (title === 'Implementation Example') {
      return {
        id,
        title,
        markdown: '',
        blocks: [
          prose,
          {
            type: 'code' as const,
            language: 'ts',
            text: 'export class CircuitBreaker {}',
          },
        ],
      };
    }
    if (title === 'Related Patterns') {
      return {
        id,
        title,
        markdown: '',
        blocks: [
          {
            type: 'markdown' as const,
            text: '- [Retry with Backoff](/patterns/retry-with-backoff) — complements',
          },
        ],
      };
    }
    if (title === 'Pros and Cons') {
      return {
        id,
        title,
        markdown:
          '| Pros | Cons |\n|---|---|\n| Fails fast while a dependency is down | Thresholds need tuning |\n',
        blocks: [prose],
      };
    }
    return { id, title, markdown: '', blocks: [prose] };
  }),
};

function summary(document: PatternDocument): PatternSummary {
  const { sections, references, ...rest } = document;
  return rest;
}

export const summaries: PatternSummary[] = [
  {
    id: 'rest',
    title: 'REST',
    category: 'communication',
    bestFor: 'CRUD operations, public APIs',
    tradeoff: 'Simplicity vs over/under-fetching',
    summary: 'Resources over HTTP.',
    aliases: [],
    related: [],
  },
  summary(circuitBreaker),
  {
    id: 'retry-with-backoff',
    title: 'Retry with Backoff',
    category: 'resilience',
    bestFor: 'Handling transient failures',
    tradeoff: 'Improved reliability vs thundering herd',
    summary: 'Retries transient failures with growing, jittered waits.',
    aliases: ['retry'],
    related: [{ id: 'circuit-breaker', relation: 'complements' }],
  },
];

export const categories: PatternCategory[] = [
  {
    id: 'communication',
    title: 'API Communication Styles',
    focus: 'How services communicate',
    description: 'Choose how your services will communicate.',
    patterns: ['rest'],
  },
  {
    id: 'resilience',
    title: 'Resilience Patterns',
    focus: 'Fault tolerance',
    description: 'Build systems that gracefully handle failures.',
    patterns: ['circuit-breaker', 'retry-with-backoff'],
  },
];

export const scenarios: PatternScenario[] = [
  {
    scenario: 'Microservices resilience',
    patterns: ['circuit-breaker', 'retry-with-backoff'],
  },
];

/**
 * The wizard's tree: the start walk (APIs, then failures), two concerns,
 * outcome sets with companions and alternatives, and one exit. Timeout is
 * brought by the resilience outcomes and by Saga, so a session over
 * resilience and data lists it once with both reasons.
 */
export const decisionTree: DecisionTree = {
  start: { text: 'What problem are you solving?', next: 'expose-apis' },
  concerns: [
    { id: 'resilience', title: 'Resilience', start: 'failure-kind' },
    { id: 'data', title: 'Data', start: 'data-kind' },
  ],
  questions: {
    'expose-apis': {
      text: 'Need to expose APIs?',
      answers: [
        { label: 'Yes', next: 'rest' },
        { label: 'No', next: 'failure-kind' },
      ],
    },
    'failure-kind': {
      text: 'What kind of failure?',
      answers: [
        { label: 'Cascading failures', next: 'circuit-breaker' },
        { label: 'Transient errors', next: 'retry-with-backoff' },
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
    rest: {
      primary: 'rest',
      why: 'A uniform, cacheable HTTP interface.',
      with: [],
      alternatives: [],
    },
    'circuit-breaker': {
      primary: 'circuit-breaker',
      why: 'Failing fast stops the failure spreading.',
      with: [
        {
          id: 'timeout',
          why: 'A hung call is not a failure until it times out.',
        },
      ],
      alternatives: [],
    },
    'retry-with-backoff': {
      primary: 'retry-with-backoff',
      why: 'Transient errors usually succeed on a later try.',
      with: [
        { id: 'timeout', why: 'Every attempt needs a deadline.' },
        {
          id: 'circuit-breaker',
          why: 'Stop retrying a dependency that is down.',
        },
      ],
      alternatives: [
        {
          title: 'Your HTTP client’s built-in retries',
          link: 'https://example.com/docs/client-retries',
          why: 'Many clients already retry idempotent calls.',
        },
        {
          title: 'A scripted retry',
          // A script URL, built so no linter takes the fixture for one.
          link: ['javascript', 'alert(1)'].join(':'),
          why: 'An unsafe link is shown as text.',
        },
      ],
    },
    saga: {
      primary: 'saga',
      why: 'Local transactions with compensations keep services consistent.',
      with: [
        { id: 'outbox', why: 'Publish each step’s event with its commit.' },
        {
          id: 'timeout',
          why: 'A step that never answers must not hold the saga.',
        },
      ],
      alternatives: [
        {
          id: 'two-phase-commit',
          why: 'Inside one database, a transaction is simpler.',
        },
      ],
    },
  },
  exits: {
    'no-cqrs': {
      title: 'You may not need CQRS',
      why: 'Read volume alone is answered by a cache or read replicas.',
      instead: [
        { id: 'cache-aside', why: 'Cache the hot reads.' },
        {
          title: 'Read replicas',
          link: 'https://example.com/docs/read-replicas',
          why: 'Scale reads without a second model.',
        },
        {
          title: 'Indexes first',
          link: '/patterns/cache-aside#when-not-to-use',
          why: 'A missing index is the cheapest fix.',
        },
      ],
    },
  },
};

export const graph: PatternGraphResponse = {
  nodes: summaries.map(({ id, title, category }) => ({ id, title, category })),
  edges: [
    {
      source: 'circuit-breaker',
      target: 'retry-with-backoff',
      relation: 'complements',
    },
  ],
  layers: {
    layers: [
      { id: 'communication', title: 'Communication Layer', patterns: ['rest'] },
      {
        id: 'resilience',
        title: 'Resilience Layer',
        patterns: ['circuit-breaker'],
      },
    ],
    links: [],
  },
};

/** A pattern the entity-page tests need besides `summaries` (served by `withTimeoutPattern`). */
export const timeoutSummary: PatternSummary = {
  id: 'timeout',
  title: 'Timeout',
  category: 'resilience',
  bestFor: 'Bounding how long a call may take',
  tradeoff: 'Predictable latency vs false failures',
  summary: 'Gives every remote call a deadline.',
  aliases: [],
  related: [{ id: 'circuit-breaker', relation: 'complements' }],
};

/** GET /v1/gaps. */
export const gapRules: GapRule[] = [
  {
    id: 'retry-without-timeout',
    severity: 'warning',
    uses: ['retry-with-backoff'],
    unlessAny: ['timeout'],
    message:
      'A call that hangs is never retried; give every attempt a deadline.',
    suggest: ['timeout'],
  },
  {
    id: 'circuit-breaker-without-timeout',
    severity: 'warning',
    uses: ['circuit-breaker'],
    unlessAny: ['timeout'],
    message: 'A hanging call never counts as a failure.',
    suggest: ['timeout'],
  },
];

/** GET /v1/patterns/circuit-breaker/usage. */
export const circuitBreakerUsage: PatternUsage = {
  patternId: 'circuit-breaker',
  total: 3,
  owners: [
    {
      owner: 'group:default/payments',
      entities: [
        {
          ref: 'component:default/checkout',
          kind: 'Component',
          namespace: 'default',
          name: 'checkout',
          title: 'Checkout Service',
          type: 'service',
          source: 'both',
        },
        {
          ref: 'api:default/payments-api',
          kind: 'API',
          namespace: 'default',
          name: 'payments-api',
          type: 'openapi',
          source: 'declared',
        },
      ],
    },
    {
      owner: 'unowned',
      entities: [
        {
          ref: 'component:default/legacy-gateway',
          kind: 'Component',
          namespace: 'default',
          name: 'legacy-gateway',
          source: 'detected',
        },
      ],
    },
  ],
};

/**
 * GET /v1/adoption: rest is used by nobody; search has evidence of Retry
 * with Backoff in one entity that does not declare it, and the unowned
 * gateway of Circuit Breaker.
 */
export const adoption: PatternAdoption = {
  patterns: ['rest', 'circuit-breaker', 'retry-with-backoff'],
  owners: ['group:default/payments', 'group:default/search', 'unowned'],
  counts: [
    {
      patternId: 'circuit-breaker',
      owner: 'group:default/payments',
      count: 2,
      bySource: { both: 1, declared: 1, detected: 0 },
    },
    {
      patternId: 'circuit-breaker',
      owner: 'unowned',
      count: 1,
      bySource: { both: 0, declared: 0, detected: 1 },
    },
    {
      patternId: 'retry-with-backoff',
      owner: 'group:default/payments',
      count: 1,
      bySource: { both: 0, declared: 1, detected: 0 },
    },
    {
      patternId: 'retry-with-backoff',
      owner: 'group:default/search',
      count: 4,
      bySource: { both: 2, declared: 1, detected: 1 },
    },
  ],
  totals: { rest: 0, 'circuit-breaker': 3, 'retry-with-backoff': 5 },
};

/** The patterns the wizard's data concern names, served by `withDecisionPatterns`. */
export const dataSummaries: PatternSummary[] = [
  {
    id: 'saga',
    title: 'Saga',
    category: 'data',
    bestFor: 'Transactions across services',
    tradeoff: 'Availability vs compensation logic',
    summary: 'Local transactions with compensations.',
    aliases: [],
    related: [{ id: 'outbox', relation: 'complements' }],
  },
  {
    id: 'outbox',
    title: 'Outbox',
    category: 'data',
    bestFor: 'Publishing events reliably',
    tradeoff: 'Reliability vs a relay to run',
    summary: 'Writes the event in the same transaction as the data.',
    aliases: [],
    related: [],
  },
  {
    id: 'two-phase-commit',
    title: 'Two-Phase Commit',
    category: 'data',
    bestFor: 'Strong consistency across resources',
    tradeoff: 'Consistency vs availability',
    summary: 'Participants commit together or not at all.',
    aliases: ['2pc'],
    related: [],
  },
  {
    id: 'cache-aside',
    title: 'Cache-Aside',
    category: 'data',
    bestFor: 'Hot reads',
    tradeoff: 'Speed vs stale reads',
    summary: 'Loads data into a cache on a miss.',
    aliases: [],
    related: [],
  },
];

/**
 * A pattern's whole document, for the ADR: every section with a line of
 * prose, the Pros and Cons section with a table naming the pattern.
 */
export function documentOf(pattern: PatternSummary): PatternDocument {
  return {
    ...pattern,
    references: [],
    sections: PATTERN_SECTION_TITLES.map(title => {
      const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const markdown =
        title === 'Pros and Cons'
          ? `| Pros | Cons |\n|---|---|\n| ${pattern.title} helps | ${pattern.title} costs |\n`
          : `About **${title}**.`;
      return {
        id,
        title,
        markdown,
        blocks: [{ type: 'markdown', text: markdown }],
      };
    }),
  };
}

/**
 * What a detector found in checkout's repository: Circuit Breaker from a
 * dependency and a config file, Retry with Backoff from a dependency.
 */
export const detectedPatterns: DetectedPattern[] = [
  {
    id: 'circuit-breaker',
    evidence: [
      {
        rule: 'npm-opossum',
        source: 'package.json',
        detail: 'opossum@8.1.0',
        strength: 'strong',
      },
      {
        rule: 'resilience4j-config',
        source: 'src/main/resources/application.yaml',
        detail: 'resilience4j.circuitbreaker',
        strength: 'weak',
      },
    ],
  },
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
];
