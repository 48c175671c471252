import { startActionsBackend } from './__testUtils__/startActionsBackend';

describe('patterns:list-patterns', () => {
  let invoke: (input: object) => Promise<any>;
  beforeAll(async () => {
    const { actionsRegistry } = await startActionsBackend();
    invoke = async input =>
      (
        await actionsRegistry.invoke({
          id: 'test:list-patterns',
          input: input as any,
        })
      ).output;
  });

  it('lists every pattern in category order with its best-for and trade-off', async () => {
    const output = await invoke({});
    expect(output.total).toBe(5);
    expect(output.patterns.map((p: { id: string }) => p.id)).toEqual([
      'retry-with-backoff',
      'timeout',
      'circuit-breaker',
      'saga',
      'outbox',
    ]);
    expect(output.patterns[2]).toEqual({
      id: 'circuit-breaker',
      title: 'Circuit Breaker',
      category: 'resilience',
      bestFor: 'Failing fast on a broken dependency',
      tradeoff: 'Speed vs coverage',
      summary: 'The circuit-breaker pattern.',
    });
    expect(output.categories).toEqual([
      { id: 'resilience', title: 'Resilience Patterns' },
      { id: 'data', title: 'Data Patterns' },
    ]);
  });

  it('narrows by category and by words, case-insensitively, aliases included', async () => {
    expect(
      (await invoke({ category: 'Data' })).patterns.map((p: any) => p.id),
    ).toEqual(['saga', 'outbox']);
    expect(
      (await invoke({ query: 'TRANSIENT delays' })).patterns.map(
        (p: any) => p.id,
      ),
    ).toEqual(['retry-with-backoff']);
    expect(
      (await invoke({ query: 'retry', category: 'resilience' })).total,
    ).toBe(1);
    expect(await invoke({ query: 'nothing-like-this' })).toMatchObject({
      total: 0,
      patterns: [],
    });
  });

  it('refuses an unknown category, naming the categories', async () => {
    await expect(invoke({ category: 'nope' })).rejects.toMatchObject({
      name: 'InputError',
      message: 'No category "nope"; the categories are "resilience", "data"',
    });
  });

  it('refuses a huge text with a message that names the field and the limit', async () => {
    await expect(invoke({ query: 'x'.repeat(100_000) })).rejects.toMatchObject({
      name: 'InputError',
      message: 'query is 100,000 characters long; at most 200 are accepted',
    });
  });

  it('refuses input of the wrong type', async () => {
    await expect(invoke({ category: 42 })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^Invalid input to action "test:list-patterns"; caused by .*"category"/s,
      ),
    });
  });
});
