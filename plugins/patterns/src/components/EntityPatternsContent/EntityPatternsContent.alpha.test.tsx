import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import patternsPlugin from '../../alpha';
import { patternsApiRef } from '../../api/PatternsApi';
import { PatternsClient } from '../../api/PatternsClient';
import { server, serveEntityReport } from '../../__testUtils__/renderPatterns';
import { rootRouteRef } from '../../routes';
import { testEntity } from './__testUtils__/renderWithEntity';

const client = new PatternsClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
  fetchApi: new MockFetchApi(),
});

describe('patterns plugin on the new frontend system', () => {
  registerMswTestHooks(server);

  it('adds a Patterns tab to Component, API and System pages that renders the content', async () => {
    const tester = createExtensionTester(
      patternsPlugin.getExtension('entity-content:patterns'),
      { apis: [[patternsApiRef, client]] },
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('patterns');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Patterns');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(testEntity('saga'))).toBe(true);
    expect(filter({ ...testEntity(), kind: 'API' })).toBe(true);
    expect(filter({ ...testEntity(), kind: 'System' })).toBe(true);
    expect(filter({ ...testEntity(), kind: 'Group' })).toBe(false);

    serveEntityReport(testEntity('retry-with-backoff'));
    await renderInTestApp(
      <EntityProvider entity={testEntity('retry-with-backoff')}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[patternsApiRef, client]],
        mountedRoutes: { '/patterns': convertLegacyRouteRef(rootRouteRef) },
      },
    );
    const used = await screen.findByRole('table', { name: 'Patterns used' });
    expect(
      within(used).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
  });

  it('adds an overview info card for entities with the annotation only', () => {
    const tester = createExtensionTester(
      patternsPlugin.getExtension('entity-card:patterns'),
      { apis: [[patternsApiRef, client]] },
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(testEntity('saga'))).toBe(true);
    expect(filter(testEntity())).toBe(false);
  });
});
