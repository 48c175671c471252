import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  currentUrl,
  renderPatternsAt,
  server,
  withDecisionPatterns,
} from '../../__testUtils__/renderPatterns';

const render = jest.fn(async (_id: string, _code: string) => ({
  svg: '<svg data-testid="flowchart"></svg>',
}));
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: (id: string, code: string) => render(id, code),
  },
}));

/** The texts of a list's items. */
function items(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .filter(li => li.parentElement === list)
    .map(li => li.textContent ?? '');
}

/** The annotation lines shown: the code snippets' text (highlighted lazily). */
async function annotationLines(): Promise<string[]> {
  let lines: string[] = [];
  await waitFor(() => {
    lines = Array.from(document.querySelectorAll('pre'))
      .map(pre => pre.textContent ?? '')
      .filter(text => text.startsWith('system-design/patterns:'));
    expect(lines.length).toBeGreaterThan(0);
  });
  return lines;
}

// Whole walks with lazily highlighted snippets are slow on small, shared machines.
jest.setTimeout(30_000);

describe('WizardPage', () => {
  registerMswTestHooks(server);
  beforeEach(() => withDecisionPatterns());

  it('leads from the first question to an outcome set', async () => {
    await renderPatternsAt('/patterns/wizard');
    expect(
      await screen.findByRole('heading', { name: 'Need to expose APIs?' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(
      screen.getByRole('heading', { name: 'What kind of failure?' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('navigation', { name: 'Your answers' }),
    ).toHaveTextContent('Need to expose APIs? No');
    await userEvent.click(
      screen.getByRole('button', { name: 'Transient errors' }),
    );

    const result = screen.getByRole('region', { name: 'Recommendation' });
    expect(
      within(result).getByRole('heading', {
        name: 'Recommended: Retry with Backoff',
      }),
    ).toBeInTheDocument();
    expect(result).toHaveTextContent(
      'Transient errors usually succeed on a later try.',
    );
    expect(
      within(result).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');

    // The set: what it needs with it, each with its reason.
    const needed = within(result).getByRole('list', {
      name: 'Patterns needed with it',
    });
    expect(items(needed)).toEqual([
      'Timeout — Every attempt needs a deadline.',
      'Circuit Breaker — Stop retrying a dependency that is down.',
    ]);
    expect(
      within(needed).getByRole('link', { name: 'Timeout' }),
    ).toHaveAttribute('href', '/patterns/timeout');

    // Cheaper answers first: an external link with its title; an unsafe one as text.
    const cheaper = within(result).getByRole('list', {
      name: 'Cheaper alternatives to check first',
    });
    expect(
      within(cheaper).getByRole('link', {
        name: /^Your HTTP client’s built-in retries/,
      }),
    ).toHaveAttribute('href', 'https://example.com/docs/client-retries');
    expect(cheaper).toHaveTextContent(
      'A scripted retry — An unsafe link is shown as text.',
    );
    expect(within(cheaper).getAllByRole('link')).toHaveLength(1);

    expect(
      items(
        within(result).getByRole('list', {
          name: 'The path to this recommendation',
        }),
      ),
    ).toEqual([
      'Need to expose APIs? No',
      'What kind of failure? Transient errors',
    ]);

    expect(await annotationLines()).toEqual([
      'system-design/patterns: retry-with-backoff, timeout, circuit-breaker',
    ]);
    expect(currentUrl().searchParams.get('path')).toBe('start:1.1');
  });

  it('takes up a second concern and merges the sets into one annotation line', async () => {
    await renderPatternsAt('/patterns/wizard');
    await userEvent.click(await screen.findByRole('button', { name: 'No' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Transient errors' }),
    );

    const concerns = screen.getByRole('group', { name: 'Concerns' });
    expect(
      within(concerns)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Data']); // The start walk has answered the resilience questions.
    await userEvent.click(
      within(concerns).getByRole('button', { name: 'Data' }),
    );

    // The first walk stays as a line of its own; the new concern asks its question.
    expect(
      screen.getByRole('navigation', { name: 'Your answers: Start' }),
    ).toHaveTextContent('Retry with Backoff + Timeout + Circuit Breaker');
    expect(
      screen.getByRole('heading', { name: 'What about the data?' }),
    ).toHaveFocus();
    expect(currentUrl().searchParams.get('path')).toBe('start:1.1~data:');
    await userEvent.click(
      screen.getByRole('button', { name: 'Steps across services' }),
    );

    expect(
      screen.getByRole('heading', { name: 'Recommended: Saga' }),
    ).toBeInTheDocument();
    const merged = screen.getByRole('region', { name: 'Your result' });
    expect(
      within(merged).getByRole('heading', {
        name: 'Your result across 2 concerns',
      }),
    ).toBeInTheDocument();
    const set = within(merged).getByRole('list', {
      name: 'Patterns in your result',
    });
    expect(
      within(set)
        .getAllByRole('link')
        .map(link => link.textContent),
    ).toEqual([
      'Retry with Backoff',
      'Saga',
      'Timeout',
      'Circuit Breaker',
      'Outbox',
    ]);
    // Timeout is brought by both outcomes: listed once, with both reasons.
    expect(
      items(within(set).getByRole('list', { name: 'Why Timeout' })),
    ).toEqual([
      'With Retry with Backoff: Every attempt needs a deadline.',
      'With Saga: A step that never answers must not hold the saga.',
    ]);
    expect(
      within(merged).getByRole('list', {
        name: 'Cheaper alternatives to check first, for the whole result',
      }),
    ).toHaveTextContent('Two-Phase Commit — Inside one database');

    expect(await annotationLines()).toEqual([
      'system-design/patterns: retry-with-backoff, saga, timeout, circuit-breaker, outbox',
    ]);
    // The path reads as it is written: `:` and `~` are not escaped.
    expect(currentUrl().search).toBe('?path=start:1.1~data:0');
    // Every concern has been taken up.
    expect(screen.queryByRole('group', { name: 'Concerns' })).toBeNull();
  });

  it('shows a “you may not need this” exit with what to do instead', async () => {
    await renderPatternsAt('/patterns/wizard?path=data:1');
    const exit = await screen.findByRole('region', {
      name: 'You may not need CQRS',
    });
    expect(
      within(exit).getByRole('heading', { name: 'You may not need CQRS' }),
    ).toBeInTheDocument();
    expect(exit).toHaveTextContent(
      'Read volume alone is answered by a cache or read replicas.',
    );
    const instead = within(exit).getByRole('list', {
      name: 'What to do instead',
    });
    expect(items(instead)).toEqual([
      'Cache-Aside — Cache the hot reads.',
      'Read replicas, Opens in a new window — Scale reads without a second model.',
      'Indexes first — A missing index is the cheapest fix.',
    ]);
    // A link into a pattern page's section stays in the portal.
    expect(
      within(instead).getByRole('link', { name: 'Indexes first' }),
    ).toHaveAttribute('href', '/patterns/cache-aside#when-not-to-use');
    expect(
      within(instead).getByRole('link', { name: 'Cache-Aside' }),
    ).toHaveAttribute('href', '/patterns/cache-aside');
    expect(
      within(instead).getByRole('link', { name: /^Read replicas/ }),
    ).toHaveAttribute('href', 'https://example.com/docs/read-replicas');
    // Another concern can follow an exit.
    expect(
      within(screen.getByRole('group', { name: 'Concerns' }))
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Resilience']);
    // Nothing to declare, but the decision can still be recorded.
    expect(screen.getByText(/No pattern to declare/)).toBeInTheDocument();
    expect(document.querySelectorAll('pre')).toHaveLength(0);
    expect(
      screen.getByRole('button', { name: 'Record as ADR' }),
    ).toBeInTheDocument();
  });

  it('keeps the session in the URL: restores it, reads old links, stops at nonsense', async () => {
    const { unmount } = await renderPatternsAt(
      '/patterns/wizard?path=start:1.1~data:0',
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Your result across 2 concerns',
      }),
    ).toBeInTheDocument();
    unmount();

    // A link shared before concerns: `answers` is the start walk, rewritten as `path`.
    const old = await renderPatternsAt('/patterns/wizard?answers=1.0');
    expect(
      await screen.findByRole('heading', {
        name: 'Recommended: Circuit Breaker',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Data' }));
    expect(currentUrl().searchParams.get('path')).toBe('start:1.0~data:');
    expect(currentUrl().searchParams.has('answers')).toBe(false);
    old.unmount();

    // An earlier walk that stops at a question is continued; later ones wait.
    const broken = await renderPatternsAt(
      '/patterns/wizard?path=start:1.9~data:0',
    );
    expect(
      await screen.findByRole('heading', { name: 'What kind of failure?' }),
    ).toBeInTheDocument();
    broken.unmount();

    await renderPatternsAt('/patterns/wizard?path=%3Cscript%3E:1~nope:0');
    expect(
      await screen.findByRole('heading', { name: 'Need to expose APIs?' }),
    ).toBeInTheDocument();
  });

  it('goes back and restarts per concern, and the browser’s back button steps back', async () => {
    await renderPatternsAt('/patterns/wizard?path=start:1.1~data:0');
    await screen.findByRole('heading', { name: 'Recommended: Saga' });

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      screen.getByRole('heading', { name: 'What about the data?' }),
    ).toBeInTheDocument();
    // Back at a concern's first question returns to the result before it.
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      screen.getByRole('heading', { name: 'Recommended: Retry with Backoff' }),
    ).toBeInTheDocument();
    expect(currentUrl().searchParams.get('path')).toBe('start:1.1');

    await userEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(
      screen.getByRole('heading', { name: 'What about the data?' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(
      screen.getByRole('heading', { name: 'Recommended: Saga' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Restart Data' }));
    expect(
      screen.getByRole('heading', { name: 'What about the data?' }),
    ).toBeInTheDocument();
    expect(currentUrl().searchParams.get('path')).toBe('start:1.1~data:');

    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(
      screen.getByRole('heading', { name: 'Need to expose APIs?' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Restart' })).toBeDisabled();
    expect(currentUrl().search).toBe('');
  });

  it('returns to an earlier concern’s question from its answers', async () => {
    await renderPatternsAt('/patterns/wizard?path=start:1.1~data:0');
    const start = await screen.findByRole('navigation', {
      name: 'Your answers: Start',
    });
    await userEvent.click(
      within(start).getByRole('button', { name: /What kind of failure\?/ }),
    );
    expect(
      screen.getByRole('heading', { name: 'What kind of failure?' }),
    ).toBeInTheDocument();
    expect(currentUrl().searchParams.get('path')).toBe('start:1');
  });

  it('works from the keyboard and moves focus to each question and result', async () => {
    await renderPatternsAt('/patterns/wizard');
    const heading = await screen.findByRole('heading', {
      name: 'Need to expose APIs?',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'What kind of failure?' }),
      ).toHaveFocus(),
    );
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Recommended: Circuit Breaker' }),
      ).toHaveFocus(),
    );
  });

  it('shows the flowchart of the current concern with the path highlighted', async () => {
    await renderPatternsAt('/patterns/wizard?answers=1.0');
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Show the flowchart with my path',
      }),
    );
    expect(await screen.findByTestId('flowchart')).toBeInTheDocument();
    let code = render.mock.calls[render.mock.calls.length - 1][1];
    expect(code).toContain(
      'class n_start,n_expose_apis,n_failure_kind,n_circuit_breaker taken',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Data' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Steps across services' }),
    );
    await waitFor(() =>
      expect(render.mock.calls[render.mock.calls.length - 1][1]).toContain(
        'class n_data_kind,n_saga taken',
      ),
    );
    code = render.mock.calls[render.mock.calls.length - 1][1];
    expect(code).not.toContain('n_expose_apis');
  });
});
