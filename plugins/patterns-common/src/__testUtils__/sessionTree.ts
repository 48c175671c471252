import { DecisionTree } from '../schemas';

/** A small tree with two concerns, outcome sets and an exit. */
export const sessionTree: DecisionTree = {
  start: { text: 'What problem are you solving?', next: 'failure-kind' },
  concerns: [
    { id: 'resilience', title: 'Resilience', start: 'failure-kind' },
    { id: 'data', title: 'Data', start: 'data-kind' },
  ],
  questions: {
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
      instead: [{ id: 'cache-aside', why: 'Cache hot reads.' }],
    },
  },
};
