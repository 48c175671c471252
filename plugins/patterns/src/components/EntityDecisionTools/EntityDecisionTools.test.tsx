import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { patternsApiRef } from '../../api/PatternsApi';
import { PatternsClient } from '../../api/PatternsClient';
import {
  dataSummaries,
  summaries,
  timeoutSummary,
} from '../../__testUtils__/fixtures';
import {
  server,
  serveEntityReport,
  withDecisionPatterns,
} from '../../__testUtils__/renderPatterns';
import { rootRouteRef } from '../../routes';
import { EntityDecisionWizard } from './EntityDecisionWizard';
import { EntityPatternGraph } from './EntityPatternGraph';

// Rendering a laid-out graph in jsdom is slow on small machines.
jest.setTimeout(30_000);

const entity = (patterns?: string, editUrl?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    title: 'Checkout Service',
    annotations: {
      ...(patterns ? { 'system-design/patterns': patterns } : {}),
      ...(editUrl ? { 'backstage.io/edit-url': editUrl } : {}),
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

function renderWithEntity(element: JSX.Element, value: Entity, path = '/') {
  serveEntityReport(value, {
    patterns: [...summaries, timeoutSummary, ...dataSummaries],
  });
  const client = new PatternsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [patternsApiRef, client],
        [
          configApiRef,
          mockApis.config({
            data: { app: { baseUrl: 'https://backstage.example.com' } },
          }),
        ],
      ]}
    >
      <EntityProvider entity={value}>{element}</EntityProvider>
    </TestApiProvider>,
    { routeEntries: [path], mountedRoutes: { '/patterns': rootRouteRef } },
  );
}

registerMswTestHooks(server);

/** The annotation line in the suggestion (the highlighter loads lazily). */
async function expectLine(suggestion: HTMLElement, line: string) {
  await waitFor(() =>
    expect(suggestion.querySelector('pre')?.textContent).toBe(line),
  );
}

describe('EntityDecisionWizard', () => {
  beforeEach(() => withDecisionPatterns());

  it('gives the annotation line merged with the current value, and the edit link', async () => {
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity(
        'timeout',
        'https://git.example.com/checkout/edit/main/catalog-info.yaml',
      ),
    );
    expect(
      await screen.findByText(
        /Checkout Service already declares Timeout/,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'No' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Transient errors' }),
    );
    // The set marks what the entity already declares.
    const needed = screen.getByRole('list', {
      name: 'Patterns needed with it',
    });
    expect(within(needed).getAllByRole('listitem')[0]).toHaveTextContent(
      'Timeout already declared — Every attempt needs a deadline.',
    );
    const suggestion = screen.getByRole('status', {
      name: 'Annotation to add',
    });
    expect(suggestion).toHaveTextContent(
      'Checkout Service does not declare Retry with Backoff and Circuit Breaker yet.',
    );
    await expectLine(
      suggestion,
      'system-design/patterns: timeout, retry-with-backoff, circuit-breaker',
    );
    expect(
      within(suggestion).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/checkout/edit/main/catalog-info.yaml',
    );
  });

  it('merges two concerns with a pattern declared by its alias, without declaring it twice', async () => {
    // `retry` is Retry with Backoff's alias.
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity('retry'),
      '/?path=resilience:1~data:0',
    );
    const suggestion = await screen.findByRole(
      'status',
      { name: 'Annotation to add' },
      { timeout: 5000 },
    );
    expect(
      screen.getByText(/Checkout Service already declares Retry with Backoff/),
    ).toBeInTheDocument();
    expect(suggestion).toHaveTextContent(
      'Checkout Service does not declare Saga, Timeout, Circuit Breaker and Outbox yet.',
    );
    await expectLine(
      suggestion,
      'system-design/patterns: retry-with-backoff, saga, timeout, circuit-breaker, outbox',
    );
    // One annotation line for the whole session.
    expect(document.querySelectorAll('pre')).toHaveLength(1);
  });

  it('says when the entity already declares the whole result', async () => {
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity('Circuit-Breaker, timeout'),
      '/?answers=1.0',
    );
    expect(
      await screen.findByText(
        /already uses Circuit Breaker and Timeout\./,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('status', { name: 'Annotation to add' }),
    ).toBeNull();
  });

  it('starts a new annotation when there is none, without an edit link', async () => {
    await renderWithEntity(<EntityDecisionWizard />, entity(), '/?answers=0');
    const suggestion = await screen.findByRole(
      'status',
      { name: 'Annotation to add' },
      { timeout: 5000 },
    );
    await expectLine(suggestion, 'system-design/patterns: rest');
    expect(within(suggestion).queryByRole('link')).toBeNull();
    expect(screen.queryByText(/already declares/)).toBeNull();
  });

  it('records the decision for the entity as an ADR', async () => {
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity('retry'),
      '/?path=resilience:1',
    );
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Record as ADR' },
        { timeout: 5000 },
      ),
    );
    const dialog = screen.getByRole('dialog', { name: 'Record as ADR' });
    expect(
      await within(dialog).findByRole(
        'heading',
        {
          level: 1,
          name: 'Use Retry with Backoff, Timeout, Circuit Breaker for Checkout Service',
        },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'This decision is for component:default/checkout (Checkout Service). It already declares Retry with Backoff.',
    );
    // The preview links within the portal; the record itself has absolute URLs.
    expect(
      within(dialog).getAllByRole('link', { name: 'Retry with Backoff' })[0],
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Markdown' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
        'It already declares [Retry with Backoff](https://backstage.example.com/patterns/retry-with-backoff).',
      ),
    );
  });
});

describe('EntityPatternGraph', () => {
  it('centres the graph on the entity with its patterns and their neighbours', async () => {
    await renderWithEntity(
      <EntityPatternGraph />,
      entity('retry-with-backoff'),
    );
    await screen.findByTestId(
      'graph-node-retry-with-backoff',
      {},
      { timeout: 5000 },
    );
    expect(
      screen.getByTestId('graph-node-component:default/checkout'),
    ).toHaveTextContent('Checkout Service');
    expect(
      screen.getByTestId('graph-node-retry-with-backoff'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('graph-node-circuit-breaker'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('graph-node-rest')).toBeNull();
  });

  it('explains what to do when the entity declares no patterns', async () => {
    await renderWithEntity(<EntityPatternGraph />, entity());
    expect(
      await screen.findByText(
        /Declare the patterns this entity uses/,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });
});
