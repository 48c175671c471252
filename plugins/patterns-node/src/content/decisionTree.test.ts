import {
  checkGuidance,
  currentNode,
  decisionBranch,
  DecisionTree,
  outcomePatternIds,
  walkDecision,
} from '@system-design/backstage-plugin-patterns-common';
import { builtInContentDirectory } from './builtInContentDirectory';
import { loadPatternContent } from './loadPatternContent';

/** The guide's flowchart: every path and the outcome it must give. */
const SEED_PATHS: Array<[string[], string]> = [
  [['Yes', 'Public/Web'], 'rest'],
  [['Yes', 'Mobile/Complex queries'], 'graphql'],
  [['Yes', 'Internal microservices'], 'grpc'],
  [['Yes', 'Real-time bidirectional'], 'websockets'],
  [['No', 'Yes', 'Cascading failures'], 'circuit-breaker'],
  [['No', 'Yes', 'Transient errors'], 'retry-with-backoff'],
  [['No', 'Yes', 'Resource exhaustion'], 'bulkhead'],
  [['No', 'Yes', 'Traffic spikes'], 'rate-limiting'],
  [['No', 'No', 'Yes', 'Fan-out to many'], 'pub-sub'],
  [['No', 'No', 'Yes', 'Work distribution'], 'message-queue'],
  [['No', 'No', 'Yes', 'Reactive system'], 'event-driven-architecture'],
  [['No', 'No', 'No', 'Yes, eventual consistency OK'], 'saga'],
  [['No', 'No', 'No', 'Yes, need strong consistency'], 'two-phase-commit'],
  [['No', 'No', 'No', 'No, read/write scaling'], 'cqrs'],
  [['No', 'No', 'No', 'No, full audit trail'], 'event-sourcing'],
];

const SEED_QUESTIONS = [
  'Need to expose APIs?',
  'What type of clients?',
  'Need fault tolerance?',
  'What kind of failure?',
  'Need async communication?',
  'Message pattern?',
  'Need distributed transactions?',
];

function walkByLabels(tree: DecisionTree, labels: string[]) {
  const indexes: number[] = [];
  let state = walkDecision(tree, []);
  for (const label of labels) {
    if (state.kind !== 'question')
      throw new Error(`walk ended before "${label}"`);
    const index = tree.questions[state.questionId].answers.findIndex(
      a => a.label === label,
    );
    if (index < 0) {
      throw new Error(
        `"${tree.questions[state.questionId].text}" has no answer "${label}"`,
      );
    }
    indexes.push(index);
    state = walkDecision(tree, indexes);
  }
  return state;
}

describe('the built-in decision tree', () => {
  let tree: DecisionTree;
  let patternIds: string[];
  beforeAll(async () => {
    const content = await loadPatternContent([builtInContentDirectory()]);
    tree = content.decisionTree!;
    patternIds = content.patterns.map(p => p.id);
  });

  it('starts where the guide starts and keeps its seven questions', () => {
    expect(tree.start.text).toBe('What problem are you solving?');
    const texts = Object.values(tree.questions).map(q => q.text);
    expect(texts).toEqual(expect.arrayContaining(SEED_QUESTIONS));
  });

  // The seed's answer stays recognisable: it recommends the seed's pattern
  // as the primary of its set, directly or after a question that states the
  // condition under which it holds.
  it.each(SEED_PATHS)(
    'answers %j lead to %s, as in the guide',
    (labels, outcome) => {
      const state = walkByLabels(tree, labels);
      const primaries = [...decisionBranch(tree, currentNode(state))].flatMap(
        id => (tree.outcomes[id] ? [tree.outcomes[id].primary] : []),
      );
      expect(primaries).toContain(outcome);
      // A follow-up question offers the seed's answer and at least one other.
      const answers =
        state.kind === 'question'
          ? tree.questions[state.questionId].answers
          : [];
      expect(answers.length === 0 || answers.length >= 2).toBe(true);
    },
  );

  it('reaches every pattern by some path, with a reason', async () => {
    const recommended = Object.values(tree.outcomes).flatMap(outcomePatternIds);
    expect([...new Set(recommended)].sort()).toEqual([...patternIds].sort());
    expect(patternIds).toHaveLength(39);
    for (const outcome of Object.values(tree.outcomes)) {
      expect(outcome.why.length).toBeGreaterThan(20);
    }
  });

  it('never contradicts the product’s own rules: no outcome set or scenario trips a gap rule, every pattern is in a layer', async () => {
    const content = await loadPatternContent([builtInContentDirectory()]);
    expect(
      checkGuidance({
        ...content,
        patternIds: content.patterns.map(p => p.id),
      }),
    ).toEqual([]);
  });

  it('offers every category as a concern to take up after an outcome', async () => {
    const content = await loadPatternContent([builtInContentDirectory()]);
    expect(tree.concerns.map(c => c.id)).toEqual(
      content.categories.map(c => c.id),
    );
  });

  it('has “you may not need this” exits, each naming what to do instead', () => {
    const exits = Object.values(tree.exits);
    expect(exits.length).toBeGreaterThanOrEqual(3);
    for (const exit of exits) expect(exit.instead.length).toBeGreaterThan(0);
  });
});
