import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  BASE_URL,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';

async function matrix() {
  return screen.findByRole('table', { name: 'Pattern adoption by team' });
}

function rowTexts(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

describe('AdoptionPage', () => {
  registerMswTestHooks(server);

  it('shows patterns × teams, most used first, zeros included', async () => {
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Pattern',
      'Total',
      'payments',
      'search',
      'No owner',
    ]);
    expect(rowTexts(table)).toEqual([
      ['Retry with Backoff', '5', '1', '4', '0'],
      ['Circuit Breaker', '3', '2', '0', '1'],
      ['REST', '0', '0', '0', '0'],
    ]);
    expect(
      screen.getByText(/2 of 3 patterns are used, by 3 teams/),
    ).toBeInTheDocument();
    // The Adoption tab is the selected one.
    expect(screen.getByRole('tab', { name: 'Adoption' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('links every non-zero cell to the pattern’s Used-by card, and no zero', async () => {
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    expect(
      within(table).getByRole('link', {
        name: '4 entities of search use Retry with Backoff',
      }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff#used-by');
    expect(
      within(table).getByRole('link', {
        name: '3 entities use Circuit Breaker',
      }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker#used-by');
    const restRow = within(table)
      .getByRole('link', { name: 'REST' })
      .closest('tr')!;
    expect(within(restRow).getAllByRole('link')).toHaveLength(1);
  });

  it('sorts by pattern, by total and by a team column, from the keyboard too', async () => {
    const user = userEvent.setup();
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    const names = () => rowTexts(table).map(cells => cells[0]);

    await user.click(within(table).getByRole('button', { name: 'Pattern' }));
    expect(names()).toEqual(['Circuit Breaker', 'REST', 'Retry with Backoff']);
    expect(
      within(table).getByRole('columnheader', { name: 'Pattern' }),
    ).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(table).getByRole('button', { name: 'Pattern' }));
    expect(names()).toEqual(['Retry with Backoff', 'REST', 'Circuit Breaker']);

    within(table).getByRole('button', { name: 'payments' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Circuit Breaker', 'Retry with Backoff', 'REST']);
    expect(
      within(table).getByRole('columnheader', { name: 'payments' }),
    ).toHaveAttribute('aria-sort', 'descending');

    await user.keyboard('{Enter}');
    expect(names()).toEqual(['REST', 'Retry with Backoff', 'Circuit Breaker']);

    await user.click(within(table).getByRole('button', { name: 'Total' }));
    expect(names()).toEqual(['Retry with Backoff', 'Circuit Breaker', 'REST']);
  });

  it('lists every pattern with zeros when nobody uses any', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/adoption`, (_req, res, ctx) =>
        res(
          ctx.json({
            patterns: ['rest', 'circuit-breaker', 'retry-with-backoff'],
            owners: [],
            counts: [],
            totals: { rest: 0, 'circuit-breaker': 0, 'retry-with-backoff': 0 },
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    expect(rowTexts(table)).toEqual([
      ['Circuit Breaker', '0'],
      ['REST', '0'],
      ['Retry with Backoff', '0'],
    ]);
    expect(within(table).queryAllByRole('link', { name: /entities/ })).toEqual(
      [],
    );
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/adoption`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json({
            error: { name: 'Error', message: 'catalog unreachable' },
            response: { statusCode: 500 },
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/adoption');
    expect(
      (await screen.findAllByText(/catalog unreachable/))[0],
    ).toBeInTheDocument();
  });
});
