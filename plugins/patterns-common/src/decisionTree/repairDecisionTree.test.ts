import { DecisionTree } from '../schemas';
import { repairDecisionTree } from './repairDecisionTree';
import { MAX_DECISION_STEPS, walkDecisionLeniently } from './walkDecisionTree';

const tree: DecisionTree = {
  concerns: [],
  exits: {},
  start: { text: 'Start', next: 'q1' },
  questions: {
    q1: {
      text: 'One?',
      answers: [
        { label: 'to q2', next: 'q2' },
        { label: 'nowhere', next: 'missing' },
      ],
    },
    q2: {
      text: 'Two?',
      answers: [
        { label: 'back to q1', next: 'q1' },
        { label: 'done', next: 'saga' },
        { label: 'to q3', next: 'q3' },
      ],
    },
    q3: { text: 'Three?', answers: [{ label: 'dead', next: 'gone' }] },
  },
  outcomes: {
    saga: { primary: 'saga', with: [], alternatives: [], why: 'Because.' },
  },
};

describe('repairDecisionTree', () => {
  it('drops dangling answers, cycles and emptied questions, and says what it dropped', () => {
    const { tree: repaired, dropped } = repairDecisionTree(tree);
    expect(repaired!.questions).toEqual({
      q1: { text: 'One?', answers: [{ label: 'to q2', next: 'q2' }] },
      q2: { text: 'Two?', answers: [{ label: 'done', next: 'saga' }] },
    });
    expect(dropped).toEqual([
      'question "q2", answer "back to q1": leads back to "q1" (a cycle)',
      'question "q1", answer "nowhere": leads to unknown node "missing"',
      'question "q3", answer "dead": leads to unknown node "gone"',
      'question "q3": no answer left',
      'question "q2", answer "to q3": leads to unknown node "q3"',
    ]);
  });

  it('gives up when nothing is left at the start', () => {
    expect(
      repairDecisionTree({ ...tree, start: { text: 'Start', next: 'nope' } })
        .tree,
    ).toBeUndefined();
  });
});

describe('walkDecisionLeniently', () => {
  it('stops a cyclic walk from a URL with thousands of answers at the cap', () => {
    const state = walkDecisionLeniently(tree, new Array(100_000).fill(0));
    expect(state.steps).toHaveLength(MAX_DECISION_STEPS);
  });

  it('stops before an answer that leads nowhere instead of throwing', () => {
    const state = walkDecisionLeniently(tree, [1]);
    expect(state).toEqual({
      origin: 'start',
      steps: [],
      kind: 'question',
      questionId: 'q1',
    });
  });
});
