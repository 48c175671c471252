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

export const decisionTree: DecisionTree = {
  start: { text: 'What problem are you solving?', next: 'expose-apis' },
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
  },
  outcomes: {
    rest: { patterns: ['rest'], why: 'A uniform, cacheable HTTP interface.' },
    'circuit-breaker': {
      patterns: ['circuit-breaker'],
      why: 'Failing fast stops the failure spreading.',
    },
    'retry-with-backoff': {
      patterns: ['retry-with-backoff'],
      why: 'Transient errors usually succeed on a later try.',
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
        },
        {
          ref: 'api:default/payments-api',
          kind: 'API',
          namespace: 'default',
          name: 'payments-api',
          type: 'openapi',
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
        },
      ],
    },
  ],
};

/** GET /v1/adoption: rest is used by nobody. */
export const adoption: PatternAdoption = {
  patterns: ['rest', 'circuit-breaker', 'retry-with-backoff'],
  owners: ['group:default/payments', 'group:default/search', 'unowned'],
  counts: [
    { patternId: 'circuit-breaker', owner: 'group:default/payments', count: 2 },
    { patternId: 'circuit-breaker', owner: 'unowned', count: 1 },
    {
      patternId: 'retry-with-backoff',
      owner: 'group:default/payments',
      count: 1,
    },
    {
      patternId: 'retry-with-backoff',
      owner: 'group:default/search',
      count: 4,
    },
  ],
  totals: { rest: 0, 'circuit-breaker': 3, 'retry-with-backoff': 5 },
};
