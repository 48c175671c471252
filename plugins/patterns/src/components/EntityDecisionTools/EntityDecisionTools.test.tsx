import { Entity } from '@backstage/catalog-model';
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
import { server } from '../../__testUtils__/renderPatterns';
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
  const client = new PatternsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider apis={[[patternsApiRef, client]]}>
      <EntityProvider entity={value}>{element}</EntityProvider>
    </TestApiProvider>,
    { routeEntries: [path], mountedRoutes: { '/patterns': rootRouteRef } },
  );
}

registerMswTestHooks(server);

describe('EntityDecisionWizard', () => {
  it('gives the annotation line merged with the current value, and the edit link', async () => {
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity(
        'timeout',
        'https://git.example.com/checkout/edit/main/catalog-info.yaml',
      ),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'No' }, { timeout: 5000 }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Transient errors' }),
    );
    const suggestion = screen.getByRole('status', {
      name: 'Annotation to add',
    });
    expect(suggestion).toHaveTextContent(
      'Checkout Service does not declare Retry with Backoff yet.',
    );
    // The code snippet's highlighter loads lazily.
    await waitFor(() =>
      expect(suggestion).toHaveTextContent(
        'system-design/patterns: timeout, retry-with-backoff',
      ),
    );
    expect(
      within(suggestion).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/checkout/edit/main/catalog-info.yaml',
    );
  });

  it('says when the entity already uses the recommended pattern', async () => {
    await renderWithEntity(
      <EntityDecisionWizard />,
      entity('Circuit-Breaker'),
      '/?answers=1.0',
    );
    expect(
      await screen.findByText(/already uses Circuit Breaker/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('status', { name: 'Annotation to add' }),
    ).toBeNull();
  });

  it('starts a new annotation when there is none, without an edit link', async () => {
    await renderWithEntity(<EntityDecisionWizard />, entity(), '/?answers=0');
    const suggestion = await screen.findByRole('status', {
      name: 'Annotation to add',
    });
    await waitFor(() =>
      expect(suggestion).toHaveTextContent('system-design/patterns: rest'),
    );
    expect(within(suggestion).queryByRole('link')).toBeNull();
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
