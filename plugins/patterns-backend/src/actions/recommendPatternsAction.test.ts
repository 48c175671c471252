import { startActionsBackend } from './__testUtils__/startActionsBackend';

describe('patterns:recommend-patterns', () => {
  let invoke: (input: object) => Promise<any>;
  beforeAll(async () => {
    const { actionsRegistry } = await startActionsBackend();
    invoke = async input =>
      (
        await actionsRegistry.invoke({
          id: 'test:recommend-patterns',
          input: input as any,
        })
      ).output;
  });

  it('asks the first question when there are no answers', async () => {
    const output = await invoke({});
    expect(output).toMatchObject({
      complete: false,
      nextQuestion: {
        concern: 'start',
        id: 'expose-apis',
        text: 'Need to expose APIs?',
        answers: [
          { index: 0, label: 'Yes' },
          { index: 1, label: 'No' },
        ],
      },
      patterns: [],
      exits: [],
      sessionPath: 'start:',
    });
    expect(output.annotationLine).toBeUndefined();
  });

  it('asks the next question while the answers are incomplete', async () => {
    const output = await invoke({
      answers: [
        { question: 'expose-apis', answer: 'no' },
        { question: 'fault-tolerance', answer: 0 },
      ],
    });
    expect(output.complete).toBe(false);
    expect(output.nextQuestion).toMatchObject({
      id: 'failure-kind',
      text: 'What kind of failure?',
    });
    expect(output.walks).toEqual([
      {
        concern: 'start',
        answered: [
          {
            question: 'expose-apis',
            text: 'Need to expose APIs?',
            answer: 'No',
            index: 1,
          },
          {
            question: 'fault-tolerance',
            text: 'Need fault tolerance?',
            answer: 'Yes',
            index: 0,
          },
        ],
        reached: { kind: 'question', id: 'failure-kind' },
      },
    ]);
  });

  it('answers the outcome set with its reasons once complete, answers named by label or index in any order', async () => {
    const output = await invoke({
      answers: [
        { question: 'failure-kind', answer: 'transient ERRORS' },
        { question: 'fault-tolerance', answer: '0' },
        { question: 'expose-apis', answer: 1 },
      ],
    });
    expect(output).toMatchObject({
      complete: true,
      patterns: [
        {
          id: 'retry-with-backoff',
          title: 'Retry With Backoff',
          role: 'primary',
          reasons: [
            { outcomeId: 'retry', why: 'Transient errors usually pass.' },
          ],
        },
        {
          id: 'timeout',
          role: 'companion',
          reasons: [
            {
              outcomeId: 'retry',
              why: 'Every attempt needs a deadline.',
              with: 'retry-with-backoff',
            },
          ],
        },
        { id: 'circuit-breaker', role: 'companion' },
      ],
      alternatives: [],
      exits: [],
      annotationLine:
        'system-design/patterns: retry-with-backoff, timeout, circuit-breaker',
      // The walk passed the resilience concern's first question, so only data remains.
      remainingConcerns: [{ id: 'data', title: 'Data consistency' }],
      unusedAnswers: [],
      sessionPath: 'start:1.0.0',
    });
    expect(output.nextQuestion).toBeUndefined();
  });

  it('merges the sets of several concerns, with the alternatives to check first', async () => {
    const output = await invoke({
      concerns: ['resilience', 'data'],
      answers: [
        { question: 'failure-kind', answer: 'Cascading failures' },
        { question: 'data-kind', answer: 'Steps across services' },
      ],
    });
    expect(output.complete).toBe(true);
    expect(output.patterns.map((p: any) => [p.id, p.role])).toEqual([
      ['circuit-breaker', 'primary'],
      ['saga', 'primary'],
      ['timeout', 'companion'],
      ['outbox', 'companion'],
    ]);
    expect(output.alternatives).toEqual([
      {
        title: 'One database transaction',
        link: 'https://example.com/tx',
        why: 'Inside one database, a transaction is simpler.',
        outcomeId: 'saga',
      },
    ]);
    expect(output.remainingConcerns).toEqual([]);
    expect(output.sessionPath).toBe('resilience:1~data:0');
  });

  it('answers a "you may not need this" exit with what to do instead', async () => {
    const output = await invoke({
      concerns: ['data'],
      answers: [{ question: 'data-kind', answer: 'Reads are slow' }],
    });
    expect(output).toMatchObject({
      complete: true,
      patterns: [],
      exits: [
        {
          id: 'no-cqrs',
          title: 'You may not need CQRS',
          instead: [
            {
              title: 'Read replicas',
              link: 'https://example.com/replicas',
              why: 'Scale reads.',
            },
          ],
        },
      ],
    });
    expect(output.annotationLine).toBeUndefined();
  });

  it('says which answers were not on the path taken', async () => {
    const output = await invoke({
      answers: [
        { question: 'expose-apis', answer: 'Yes' },
        { question: 'data-kind', answer: 'Reads are slow' },
      ],
    });
    expect(output).toMatchObject({
      complete: true,
      exits: [{ id: 'no-gateway' }],
      unusedAnswers: ['data-kind'],
    });
  });

  describe('bad input', () => {
    it('refuses an unknown question id', async () => {
      await expect(
        invoke({ answers: [{ question: 'need-apis', answer: 'Yes' }] }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^No question "need-apis" in the decision tree; .*"expose-apis"/,
        ),
      });
    });

    it('refuses an answer the question does not have, listing its answers', async () => {
      await expect(
        invoke({ answers: [{ question: 'expose-apis', answer: 'Maybe' }] }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'Question "expose-apis" ("Need to expose APIs?") has no answer "Maybe"; its answers are 0: "Yes", 1: "No"',
      });
      await expect(
        invoke({ answers: [{ question: 'expose-apis', answer: 7 }] }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('has no answer number 7'),
      });
      await expect(
        invoke({ answers: [{ question: 'expose-apis', answer: -1.5 }] }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });

    it('refuses a question answered twice, differently', async () => {
      await expect(
        invoke({
          answers: [
            { question: 'expose-apis', answer: 'Yes' },
            { question: 'expose-apis', answer: 'No' },
          ],
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'Question "expose-apis" is answered twice, differently',
      });
    });

    it('refuses an unknown concern, naming the concerns', async () => {
      await expect(invoke({ concerns: ['security'] })).rejects.toMatchObject({
        name: 'InputError',
        message:
          'No concern "security"; use "start" for the first question or one of "resilience", "data"',
      });
    });

    it('refuses malformed answers', async () => {
      for (const answers of [
        [{ question: 'expose-apis', answer: { label: 'Yes' } }],
        [{ q: 'expose-apis', a: 'Yes' }],
        'expose-apis=Yes',
      ]) {
        await expect(invoke({ answers })).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(
            /^Invalid input to action "test:recommend-patterns"; caused by .*"path": \[\s*"answers"/s,
          ),
        });
      }
    });

    it('refuses a huge text and too many answers', async () => {
      await expect(
        invoke({
          answers: [{ question: 'expose-apis', answer: 'Yes '.repeat(50_000) }],
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'The answer to "expose-apis" is 200,000 characters long; at most 300 are accepted',
      });
      await expect(
        invoke({
          answers: Array.from({ length: 1000 }, () => ({
            question: 'expose-apis',
            answer: 'Yes',
          })),
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'answers has 1,000 items; at most 64 are accepted',
      });
    });
  });

  it('answers a NotFoundError when the content has no decision tree', async () => {
    const { actionsRegistry } = await startActionsBackend({ tree: null });
    await expect(
      actionsRegistry.invoke({ id: 'test:recommend-patterns', input: {} }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
