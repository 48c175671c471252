import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { renderPatternsAt, server } from '../../__testUtils__/renderPatterns';

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
});
