import { Entity } from '@backstage/catalog-model';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { rest } from 'msw';
import { ReactElement } from 'react';
import { patternsApiRef } from '../../../api/PatternsApi';
import { PatternsClient } from '../../../api/PatternsClient';
import { rootRouteRef } from '../../../routes';
import {
  DetectedPattern,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { summaries, timeoutSummary } from '../../../__testUtils__/fixtures';
import {
  BASE_URL,
  server,
  serveEntityReport,
} from '../../../__testUtils__/renderPatterns';

/** A catalog entity, with the patterns annotation when `patterns` is given. */
export function testEntity(
  patterns?: string,
  extra: Partial<Entity> & { status?: unknown } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations:
        patterns === undefined ? {} : { 'system-design/patterns': patterns },
    },
    spec: {
      type: 'service',
      owner: 'group:default/payments',
      lifecycle: 'production',
    },
    ...extra,
  } as Entity;
}

/** The fixture patterns and `timeout`, so gap suggestions have a pattern page to link to. */
export const withTimeoutPattern = [...summaries, timeoutSummary];

/**
 * Renders `element` as part of `entity`'s page, with the real client over
 * msw; the fake backend's catalog holds the entity, with the `detected`
 * patterns, and it serves `patterns` (default: the fixtures') as content.
 */
export function renderWithEntity(
  element: ReactElement,
  entity: Entity,
  options: {
    detected?: DetectedPattern[];
    patterns?: PatternSummary[];
    /** false: the fake backend does not know the entity (its report is a 404). */
    inCatalog?: boolean;
  } = {},
) {
  const { patterns, inCatalog = true } = options;
  if (patterns) {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
        res(ctx.json({ items: patterns })),
      ),
    );
  }
  if (inCatalog) serveEntityReport(entity, options);
  const client = new PatternsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [patternsApiRef, client],
        [catalogApiRef, catalogApiMock({ entities: [entity] })],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/patterns': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
