import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  BASE_URL,
  currentUrl,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';

async function matrix() {
  return screen.findByRole('table', { name: 'Pattern adoption by team' });
}

/** Each row's cells: the linked count (or the pattern), or the cell's text. */
function rowTexts(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(
          cell =>
            within(cell).queryByRole('link')?.textContent ?? cell.textContent,
        ),
    );
}

/** The marks under each count of a row: "2 both", "1 detected"… */
function rowMarks(table: HTMLElement, pattern: string) {
  const row = within(table).getByRole('link', { name: pattern }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .slice(1)
    .map(cell =>
      [...cell.querySelectorAll('[data-source]')].map(m => m.textContent),
    );
}

// Sorting and filtering re-render the whole matrix; slow on small machines.
jest.setTimeout(20_000);

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
        name: '4 entities of search use Retry with Backoff: 2 declared and detected, 1 declared, no evidence found, 1 detected, not declared',
      }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff#used-by');
    expect(
      within(table).getByRole('link', {
        name: '3 entities use Circuit Breaker: 1 declared and detected, 1 declared, no evidence found, 1 detected, not declared',
      }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker#used-by');
    const restRow = within(table)
      .getByRole('link', { name: 'REST' })
      .closest('tr')!;
    expect(within(restRow).getAllByRole('link')).toHaveLength(1);
  });

  it('marks each count with how many declare it, have evidence, or both', async () => {
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    // Total, payments, search, No owner.
    expect(rowMarks(table, 'Retry with Backoff')).toEqual([
      ['2 both', '2 declared', '1 detected'],
      ['1 declared'],
      ['2 both', '1 declared', '1 detected'],
      [],
    ]);
    expect(rowMarks(table, 'Circuit Breaker')).toEqual([
      ['1 both', '1 declared', '1 detected'],
      ['1 both', '1 declared'],
      [],
      ['1 detected'],
    ]);
    const legend = screen.getByRole('list', { name: 'What the marks mean' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'both: declared and detected',
      'declared: declared, no evidence found',
      'detected: detected, not declared',
    ]);
  });

  it('filters by source from the keyboard, with the filter in the URL and the links', async () => {
    const user = userEvent.setup();
    await renderPatternsAt('/patterns/adoption');
    const table = await matrix();
    const filter = screen.getByRole('radiogroup');
    expect(within(filter).getByRole('radio', { name: 'All' })).toBeChecked();

    within(filter).getByRole('radio', { name: 'All' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(
      within(filter).getByRole('radio', { name: 'Detected, not declared' }),
    ).toBeChecked();
    expect(currentUrl().searchParams.get('source')).toBe('detected');
    expect(rowTexts(table)).toEqual([
      ['Circuit Breaker', '1', '0', '0', '1'],
      ['Retry with Backoff', '1', '0', '1', '0'],
      ['REST', '0', '0', '0', '0'],
    ]);
    expect(
      within(table).getByRole('link', {
        name: '1 entity of search use Retry with Backoff, detected, not declared',
      }),
    ).toHaveAttribute(
      'href',
      '/patterns/retry-with-backoff?source=detected#used-by',
    );
    // Filtered, a count is one kind already: no marks.
    expect(table.querySelectorAll('[data-source]')).toHaveLength(0);
    expect(
      screen.getByText(
        /2 of 3 patterns are detected, not declared, by 2 teams/,
      ),
    ).toBeInTheDocument();
  });

  it('opens with the filter the URL names', async () => {
    await renderPatternsAt('/patterns/adoption?source=both');
    const table = await matrix();
    expect(
      screen.getByRole('radio', { name: 'Declared and detected' }),
    ).toBeChecked();
    expect(rowTexts(table)).toEqual([
      ['Retry with Backoff', '2', '0', '2', '0'],
      ['Circuit Breaker', '1', '1', '0', '0'],
      ['REST', '0', '0', '0', '0'],
    ]);
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
