import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  BASE_URL,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';

describe('PatternListPage', () => {
  registerMswTestHooks(server);

  it('lists patterns by category with Best For and Key Trade-off', async () => {
    await renderPatternsAt('/patterns');

    const resilience = await screen.findByRole('table', {
      name: 'Resilience Patterns',
    });
    const rows = within(resilience).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('PatternBest ForKey Trade-off');
    expect(rows[1]).toHaveTextContent('Circuit Breaker');
    expect(rows[1]).toHaveTextContent('Preventing cascading failures');
    expect(rows[1]).toHaveTextContent('Fail-fast vs implementation complexity');
    expect(rows[2]).toHaveTextContent('Retry with Backoff');

    const headings = screen
      .getAllByRole('table')
      .map(
        t => t.getAttribute('aria-labelledby') ?? t.getAttribute('aria-label'),
      );
    expect(headings).toEqual([
      'category-communication',
      'category-resilience',
      'Quick Reference',
    ]);
    expect(
      within(resilience).getByRole('link', { name: /Circuit Breaker/ }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker');
  });

  it('filters by text, including aliases, and shows an empty state', async () => {
    await renderPatternsAt('/patterns');
    const filter = await screen.findByLabelText('Filter patterns');
    const patternNames = () =>
      screen
        .queryAllByRole('table')
        .filter(t => t.getAttribute('aria-labelledby'))
        .flatMap(t =>
          within(t)
            .queryAllByRole('link')
            .map(l => l.textContent),
        );

    await userEvent.type(filter, 'retry');
    expect(patternNames()).toEqual(['Retry with Backoff']);
    expect(
      screen.queryByRole('table', { name: 'API Communication Styles' }),
    ).not.toBeInTheDocument();

    await userEvent.clear(filter);
    await userEvent.type(filter, 'breaker');
    expect(patternNames()).toEqual(['Circuit Breaker']);

    await userEvent.clear(filter);
    await userEvent.type(filter, 'blockchain');
    expect(patternNames()).toEqual([]);
    expect(
      screen.getByText('No patterns match this filter'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(patternNames()).toEqual([
      'REST',
      'Circuit Breaker',
      'Retry with Backoff',
    ]);
  });

  it('filters by category', async () => {
    await renderPatternsAt('/patterns?category=communication');
    expect(
      await screen.findByRole('table', { name: 'API Communication Styles' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Resilience Patterns' }),
    ).not.toBeInTheDocument();
  });

  it('shows the Quick Reference with linked patterns', async () => {
    await renderPatternsAt('/patterns');
    const table = await screen.findByRole('table', { name: 'Quick Reference' });
    expect(table).toHaveTextContent('Microservices resilience');
    expect(
      within(table).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json({
            error: { name: 'Error', message: 'database on fire' },
            response: { statusCode: 500 },
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns');
    expect(
      (await screen.findAllByText(/database on fire/))[0],
    ).toBeInTheDocument();
  });
});
