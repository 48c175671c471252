import { checkDecisionTree } from './checkDecisionTree';
import { decisionTreeToMermaid } from './decisionTreeToMermaid';
import { DecisionTree } from '../schemas';
import {
  answerDecision,
  backDecision,
  pathToPattern,
  restartDecision,
  walkDecision,
  walkDecisionLeniently,
} from './walkDecisionTree';

const tree: DecisionTree = {
  concerns: [],
  exits: {},
  start: { text: 'What problem are you solving?', next: 'apis' },
  questions: {
    apis: {
      text: 'Need to expose APIs?',
      answers: [
        { label: 'Yes', next: 'clients' },
        { label: 'No', next: 'timeout' },
      ],
    },
    clients: {
      text: 'What type of clients?',
      answers: [
        { label: 'Public/Web', next: 'rest' },
        { label: 'Mobile', next: 'graphql' },
      ],
    },
  },
  outcomes: {
    rest: { primary: 'rest', with: [], alternatives: [], why: 'Uniform HTTP.' },
    graphql: {
      primary: 'graphql',
      with: [],
      alternatives: [],
      why: 'Exact fields.',
    },
    timeout: {
      primary: 'timeout',
      with: [],
      alternatives: [],
      why: 'Bounded waits.',
    },
  },
};

describe('decision engine', () => {
  it('walks from the first question to an outcome', () => {
    let state = restartDecision(tree);
    expect(state).toEqual({
      origin: 'start',
      steps: [],
      kind: 'question',
      questionId: 'apis',
    });
    state = answerDecision(tree, state, 0);
    expect(state).toMatchObject({ kind: 'question', questionId: 'clients' });
    state = answerDecision(tree, state, 1);
    expect(state).toEqual({
      origin: 'start',
      kind: 'outcome',
      outcomeId: 'graphql',
      steps: [
        { questionId: 'apis', answerIndex: 0 },
        { questionId: 'clients', answerIndex: 1 },
      ],
    });
  });

  it('goes back one answer, and restarts', () => {
    const end = walkDecision(tree, [0, 1]);
    expect(backDecision(tree, end)).toMatchObject({ questionId: 'clients' });
    expect(backDecision(tree, backDecision(tree, end))).toMatchObject({
      questionId: 'apis',
      steps: [],
    });
    expect(backDecision(tree, restartDecision(tree))).toMatchObject({
      questionId: 'apis',
    });
  });

  it('refuses answers that do not exist, or leniently stops before them', () => {
    expect(() => walkDecision(tree, [0, 7])).toThrow(
      'Question "clients" has no answer number 7',
    );
    expect(() => walkDecision(tree, [1, 0])).toThrow(/reached its end/);
    expect(walkDecisionLeniently(tree, [0, 7, 1])).toMatchObject({
      questionId: 'clients',
    });
  });

  it('finds the shortest path to the outcome for a pattern', () => {
    expect(pathToPattern(tree, 'graphql')).toEqual([0, 1]);
    expect(pathToPattern(tree, 'timeout')).toEqual([1]);
    expect(pathToPattern(tree, 'saga')).toBeUndefined();
  });

  it('draws the tree as a flowchart and highlights the path taken', () => {
    const chart = decisionTreeToMermaid(tree, {
      titleOf: id =>
        ({ rest: 'REST', graphql: 'GraphQL', timeout: 'Timeout' }[id]!),
      state: walkDecision(tree, [0, 1]),
    });
    expect(chart).toContain(
      'n_start["What problem are you solving?"] --> n_apis',
    );
    expect(chart).toContain('n_apis{"Need to expose APIs?"}');
    expect(chart).toContain('n_clients -->|"Mobile"| n_graphql');
    expect(chart).toContain('n_graphql["GraphQL"]');
    expect(chart).toContain('class n_start,n_apis,n_clients,n_graphql taken');
    // edges: 0 start→apis, 1 apis→clients, 2 apis→timeout, 3 clients→rest, 4 clients→graphql
    expect(chart).toContain('linkStyle 0,1,4 ');
  });
});

describe('checkDecisionTree', () => {
  const ids = ['rest', 'graphql', 'timeout'];

  it('accepts a sound tree', () => {
    expect(checkDecisionTree(tree, ids)).toEqual([]);
  });

  it('reports an unreachable pattern', () => {
    expect(checkDecisionTree(tree, [...ids, 'saga'])).toEqual([
      'pattern "saga" is not recommended by any reachable outcome',
    ]);
  });

  it('reports a dead end, an unknown pattern and an unreachable node', () => {
    const broken: DecisionTree = {
      ...tree,
      questions: {
        ...tree.questions,
        clients: {
          text: 'What type of clients?',
          answers: [{ label: 'Public/Web', next: 'nowhere' }],
        },
        orphan: { text: 'Lost?', answers: [] },
      },
      outcomes: {
        ...tree.outcomes,
        graphql: { primary: 'graphq', with: [], alternatives: [], why: '' },
      },
    };
    expect(checkDecisionTree(broken, ids)).toEqual([
      'question "clients", answer "Public/Web" leads to unknown node "nowhere" (a dead end)',
      'question "orphan" is a dead end: it has no answers',
      'outcome "graphql" names unknown pattern "graphq"',
      '"orphan" is unreachable from the start',
      '"rest" is unreachable from the start',
      '"graphql" is unreachable from the start',
      'pattern "rest" is not recommended by any reachable outcome',
      'pattern "graphql" is not recommended by any reachable outcome',
    ]);
  });

  it('reports a cycle', () => {
    const cyclic: DecisionTree = {
      ...tree,
      questions: {
        ...tree.questions,
        clients: {
          text: 'What type of clients?',
          answers: [
            { label: 'Public/Web', next: 'rest' },
            { label: 'Mobile', next: 'graphql' },
            { label: 'Undecided', next: 'apis' },
          ],
        },
      },
    };
    expect(checkDecisionTree(cyclic, ids)).toContain(
      'cycle: "apis" can be reached from itself',
    );
  });
});
