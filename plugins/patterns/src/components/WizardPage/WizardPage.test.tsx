import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPatternsAt, server } from '../../__testUtils__/renderPatterns';

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

describe('WizardPage', () => {
  registerMswTestHooks(server);

  it('leads from the first question to a recommendation', async () => {
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
    expect(result).toHaveTextContent('Recommended: Retry with Backoff');
    expect(result).toHaveTextContent(
      'Transient errors usually succeed on a later try.',
    );
    expect(
      within(result).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
    const path = within(result).getByRole('list', {
      name: 'The path to this recommendation',
    });
    expect(
      within(path)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Need to expose APIs? No',
      'What kind of failure? Transient errors',
    ]);
    const complements = within(result).getByRole('list', {
      name: 'Complementary patterns',
    });
    expect(
      within(complements).getByRole('link', { name: 'Circuit Breaker' }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker');
  });

  it('goes back and restarts', async () => {
    await renderPatternsAt('/patterns/wizard?answers=1.1');
    expect(
      await screen.findByText('Recommended: Retry with Backoff'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      screen.getByRole('heading', { name: 'What kind of failure?' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(
      screen.getByRole('heading', { name: 'Need to expose APIs?' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
  });

  it('restores a shared result from the URL and ignores nonsense', async () => {
    await renderPatternsAt('/patterns/wizard?answers=1.0');
    expect(
      await screen.findByText('Recommended: Circuit Breaker'),
    ).toBeInTheDocument();
  });

  it('stops at the last valid answer of a broken link', async () => {
    await renderPatternsAt('/patterns/wizard?answers=1.9.4');
    expect(
      await screen.findByRole('heading', { name: 'What kind of failure?' }),
    ).toBeInTheDocument();
  });

  it('works from the keyboard and moves focus to each question', async () => {
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
  });

  it('shows the flowchart with the path highlighted', async () => {
    await renderPatternsAt('/patterns/wizard?answers=1.0');
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Show the flowchart with my path',
      }),
    );
    expect(await screen.findByTestId('flowchart')).toBeInTheDocument();
    const code = render.mock.calls[render.mock.calls.length - 1][1];
    expect(code).toContain(
      'class n_start,n_expose_apis,n_failure_kind,n_circuit_breaker taken',
    );
  });
});
