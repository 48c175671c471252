import { startActionsBackend } from './__testUtils__/startActionsBackend';

describe('patterns:get-pattern', () => {
  let invoke: (input: object) => Promise<any>;
  beforeAll(async () => {
    const { actionsRegistry } = await startActionsBackend();
    invoke = async input =>
      (
        await actionsRegistry.invoke({
          id: 'test:get-pattern',
          input: input as any,
        })
      ).output;
  });

  it('answers the summary, best-for, trade-off and related patterns, without sections unless asked', async () => {
    const output = await invoke({ id: 'Retry' });
    expect(output).toEqual({
      id: 'retry-with-backoff',
      title: 'Retry With Backoff',
      category: 'resilience',
      summary: 'Retry transient failures with growing delays.',
      bestFor: 'Testing',
      tradeoff: 'Speed vs coverage',
      aliases: ['retry'],
      references: ['https://example.com/source'],
      related: [
        {
          id: 'timeout',
          title: 'Timeout',
          relation: 'complements',
          summary: 'The timeout pattern.',
        },
        {
          id: 'circuit-breaker',
          title: 'Circuit Breaker',
          relation: 'complements',
          summary: 'The circuit-breaker pattern.',
        },
      ],
      sectionTitles: [
        'Overview',
        'Why Use It',
        'When to Use',
        'When NOT to Use',
        'How It Works',
        'Pros and Cons',
        'Implementation Example',
        'Real-World Examples',
        'Related Patterns',
      ],
      sections: [],
    });
  });

  it('adds the sections asked for, by title or slug, in document order', async () => {
    const output = await invoke({
      id: 'timeout',
      sections: ['how-it-works', 'When to use'],
    });
    expect(output.sections.map((s: any) => s.title)).toEqual([
      'When to Use',
      'How It Works',
    ]);
    expect(output.sections[1].markdown).toContain('```mermaid');
    expect(
      (await invoke({ id: 'timeout', sections: ['all'] })).sections,
    ).toHaveLength(9);
  });

  it('answers an unknown id with a NotFoundError', async () => {
    await expect(invoke({ id: 'no-such-pattern' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No pattern with id "no-such-pattern"',
    });
  });

  it('refuses an unknown section, naming the sections', async () => {
    await expect(
      invoke({ id: 'timeout', sections: ['Costs'] }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^No section "Costs"; the sections are "Overview", .*, or "all"$/,
      ),
    });
  });

  it('refuses a huge id, too many sections and an empty id', async () => {
    await expect(invoke({ id: 'a'.repeat(5000) })).rejects.toMatchObject({
      name: 'InputError',
      message: 'id is 5,000 characters long; at most 100 are accepted',
    });
    await expect(
      invoke({ id: 'timeout', sections: Array(50).fill('all') }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'sections has 50 items; at most 20 are accepted',
    });
    await expect(invoke({ id: '  ' })).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
