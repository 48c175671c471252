import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { rest } from 'msw';
import { BASE_URL, server } from '../../__testUtils__/renderPatterns';
import { renderWithEntity, testEntity } from './__testUtils__/renderWithEntity';
import { EntityPatternsContent } from './EntityPatternsContent';

registerMswTestHooks(server);

/** Counts the requests the patterns backend receives, by path. */
function countRequests() {
  const paths: string[] = [];
  server.events.on('request:start', req => {
    if (req.url.href.startsWith(BASE_URL)) paths.push(req.url.pathname);
  });
  return paths;
}

afterEach(() => server.events.removeAllListeners());

describe('EntityPatternsContent reads the entity’s patterns once', () => {
  it('shows a pattern declared by its alias the same way in every card', async () => {
    // `retry` is Retry with Backoff's alias; `breaker` Circuit Breaker's.
    await renderWithEntity(<EntityPatternsContent />, testEntity('retry'));

    const used = await screen.findByRole('table', { name: 'Patterns used' });
    expect(
      within(used).getByRole('link', { name: 'Retry with Backoff' }),
    ).toBeInTheDocument();

    // The graph centres on the same pattern instead of asking for a declaration.
    await screen.findByTestId(
      'graph-node-retry-with-backoff',
      {},
      { timeout: 5000 },
    );
    expect(
      screen.queryByText(/Declare the patterns this entity uses/),
    ).toBeNull();
    expect(
      screen.queryByRole('region', { name: 'Annotation problems' }),
    ).toBeNull();

    // The wizard knows the entity already declares it, and does not declare it twice.
    await screen.findByRole('button', { name: 'No' }, { timeout: 5000 });
    screen.getByRole('button', { name: 'No' }).click();
    (await screen.findByRole('button', { name: 'Transient errors' })).click();
    const recommendation = await screen.findByRole('region', {
      name: 'Recommendation',
    });
    expect(recommendation).toHaveTextContent(
      'Retry with Backoff already declared',
    );
    const suggestion = screen.getByRole('status', {
      name: 'Annotation to add',
    });
    expect(suggestion).not.toHaveTextContent(/not declare Retry with Backoff/);
    await waitFor(() =>
      expect(suggestion.querySelector('pre')?.textContent).toBe(
        'system-design/patterns: retry-with-backoff, timeout, circuit-breaker',
      ),
    );
  });

  it('makes at most six requests to the patterns backend, none twice', async () => {
    const paths = countRequests();
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('circuit-breaker'),
    );
    await screen.findByRole('table', { name: 'Patterns used' });
    await screen.findByRole('button', { name: 'Yes' }, { timeout: 5000 });
    await waitFor(() => expect(paths).toContain('/api/patterns/v1/graph'));

    expect(paths.length).toBeLessThanOrEqual(6);
    expect(new Set(paths).size).toBe(paths.length);
    // The entity's report stands for the gap rules: one read for the whole tab.
    expect(paths).toContain(
      '/api/patterns/v1/entities/component/default/checkout/patterns',
    );
    expect(paths).not.toContain('/api/patterns/v1/gaps');
  });

  it('keeps a failing card to itself: the rest of the tab renders', async () => {
    server.use(
      // A graph answer of the wrong shape makes the graph card throw while rendering.
      rest.get(`${BASE_URL}/v1/graph`, (_req, res, ctx) =>
        res(ctx.json({ nodes: null, edges: 7 })),
      ),
    );
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('circuit-breaker'),
    );

    const used = await screen.findByRole('table', { name: 'Patterns used' });
    expect(
      within(used).getByRole('link', { name: 'Circuit Breaker' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Yes' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findAllByText('Error: Something Went Wrong'),
    ).toHaveLength(1);
  });
});
