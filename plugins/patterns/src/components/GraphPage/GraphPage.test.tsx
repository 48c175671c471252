import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPatternsAt, server } from '../../__testUtils__/renderPatterns';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: async () => ({ svg: '<svg data-testid="layers"></svg>' }),
  },
}));

describe('GraphPage', () => {
  registerMswTestHooks(server);

  it('shows every pattern as a node with typed edges and a legend', async () => {
    await renderPatternsAt('/patterns/graph');
    expect(await screen.findByTestId('graph-node-rest')).toBeInTheDocument();
    expect(
      screen.getByTestId('graph-node-circuit-breaker'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('graph-node-retry-with-backoff'),
    ).toBeInTheDocument();
    expect(
      document.querySelector('path[data-relation="complements"]'),
    ).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Legend' })).toHaveTextContent(
      'complements (used together)',
    );
  });

  it('filters by category', async () => {
    await renderPatternsAt('/patterns/graph');
    await screen.findByTestId('graph-node-rest');
    await userEvent.click(
      screen.getByRole('button', { name: 'Resilience Patterns' }),
    );
    expect(screen.queryByTestId('graph-node-rest')).not.toBeInTheDocument();
    expect(
      screen.getByTestId('graph-node-circuit-breaker'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getByTestId('graph-node-rest')).toBeInTheDocument();
  });

  it('opens a pattern from its node with the keyboard', async () => {
    await renderPatternsAt('/patterns/graph');
    const node = await screen.findByRole('link', {
      name: 'Circuit Breaker (resilience)',
    });
    node.focus();
    await userEvent.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { name: 'Circuit Breaker', level: 1 }),
    ).toBeInTheDocument();
  });

  it('shows the layer view', async () => {
    await renderPatternsAt('/patterns/graph');
    await userEvent.click(await screen.findByRole('tab', { name: 'Layers' }));
    expect(await screen.findByTestId('layers')).toBeInTheDocument();
  });
});
