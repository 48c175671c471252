import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  currentUrl,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';

const render = jest.fn(async (_id: string, code: string) => ({
  svg: `<svg><text>${code.split('\n')[0]}</text></svg>`,
}));
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: (id: string, code: string) => render(id, code),
  },
}));

describe('GuidePage', () => {
  registerMswTestHooks(server);

  it('shows the category overview, flowchart, layers and quick reference', async () => {
    await renderPatternsAt('/patterns/guide');
    const overview = await screen.findByRole('table', { name: 'Categories' });
    const rows = within(overview).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('CategoryPatternsFocus Area');
    expect(rows[2]).toHaveTextContent('Resilience Patterns');
    expect(rows[2]).toHaveTextContent('Circuit Breaker, Retry with Backoff');
    expect(rows[2]).toHaveTextContent('Fault tolerance');
    expect(
      within(rows[2]).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');

    expect(
      await screen.findByRole('img', { name: 'Decision flowchart' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Pattern layers' }),
    ).toBeInTheDocument();
    const charts = render.mock.calls.map(call => call[1]);
    expect(
      charts.some(
        c =>
          c.startsWith('flowchart TD') &&
          c.includes('n_expose_apis{"Need to expose APIs?"}'),
      ),
    ).toBe(true);
    expect(
      charts.some(
        c =>
          c.startsWith('graph LR') &&
          c.includes('subgraph L_p_resilience["Resilience Layer"]'),
      ),
    ).toBe(true);

    expect(
      screen.getByRole('table', { name: 'Quick Reference' }),
    ).toHaveTextContent('Microservices resilience');
  });

  it('shows one concern’s branch of the flowchart at a time, kept in the URL', async () => {
    await renderPatternsAt('/patterns/guide');
    await screen.findByRole('img', { name: 'Decision flowchart' });
    const flowcharts = () =>
      render.mock.calls
        .map(call => call[1])
        .filter(code => code.startsWith('flowchart TD'));
    expect(flowcharts().at(-1)).toContain('n_expose_apis');

    const selector = screen.getByRole('button', { name: /Show/ });
    expect(selector).toHaveTextContent('Whole flowchart');
    await userEvent.click(selector);
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    expect(options.map(o => o.textContent)).toEqual([
      'Whole flowchart',
      'Resilience',
      'Data',
    ]);
    await userEvent.click(options[1]);

    expect(
      await screen.findByRole('img', {
        name: 'Decision flowchart: Resilience',
      }),
    ).toBeInTheDocument();
    const branch = flowcharts().at(-1)!;
    expect(branch).toContain('n_failure_kind{"What kind of failure?"}');
    expect(branch).not.toContain('n_expose_apis');
    expect(branch).not.toContain('n_data_kind');
    expect(currentUrl().searchParams.get('branch')).toBe('resilience');

    await userEvent.click(screen.getByRole('button', { name: /Show/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Whole flowchart' }),
    );
    await waitFor(() =>
      expect(currentUrl().searchParams.has('branch')).toBe(false),
    );
    expect(
      await screen.findByRole('img', { name: 'Decision flowchart' }),
    ).toBeInTheDocument();
  });

  it('opens on the branch the URL names', async () => {
    await renderPatternsAt('/patterns/guide?branch=data');
    expect(
      await screen.findByRole('img', { name: 'Decision flowchart: Data' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/What about the data\?/)).toBeInTheDocument();
  });
});
