import {
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';

const SECTION_TITLES = [
  'Overview',
  'Why Use It',
  'When to Use',
  'When NOT to Use',
  'How It Works',
  'Pros and Cons',
  'Implementation Example',
  'Real-World Examples',
  'Related Patterns',
];

export const circuitBreaker: PatternDocument = {
  id: 'circuit-breaker',
  title: 'Circuit Breaker',
  category: 'resilience',
  bestFor: 'Preventing cascading failures',
  tradeoff: 'Fail-fast vs implementation complexity',
  summary: 'Stops calling a failing dependency for a while.',
  aliases: ['breaker'],
  related: [{ id: 'retry-with-backoff', relation: 'complements' }],
  references: ['https://learn.microsoft.com/azure/architecture/patterns/circuit-breaker'],
  sections: SECTION_TITLES.map(title => {
    const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const prose = { type: 'markdown' as const, text: `About **${title}**.` };
    if (title === 'How It Works') {
      return {
        id,
        title,
        markdown: '',
        blocks: [
          prose,
          { type: 'mermaid' as const, text: 'stateDiagram-v2\n  Closed --> Open' },
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
