import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { patternsApiRef } from '../api/PatternsApi';
import { PatternsClient } from '../api/PatternsClient';
import { PatternsRouter } from '../components/PatternsRouter';
import { guideRouteRef, patternRouteRef, rootRouteRef } from '../routes';
import {
  adoption,
  categories,
  circuitBreaker,
  circuitBreakerUsage,
  decisionTree,
  gapRules,
  graph,
  scenarios,
  summaries,
} from './fixtures';

export const BASE_URL = 'http://localhost:7007/api/patterns';

/** The patterns backend, answering from the fixtures. */
export const backendHandlers = [
  rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
    res(ctx.json({ items: summaries })),
  ),
  rest.get(`${BASE_URL}/v1/patterns/:id`, (req, res, ctx) =>
    req.params.id === circuitBreaker.id
      ? res(ctx.json(circuitBreaker))
      : res(
          ctx.status(404),
          ctx.json({
            error: {
              name: 'NotFoundError',
              message: `No pattern with id "${req.params.id}"`,
            },
            response: { statusCode: 404 },
          }),
        ),
  ),
  rest.get(`${BASE_URL}/v1/categories`, (_req, res, ctx) =>
    res(ctx.json({ items: categories })),
  ),
  rest.get(`${BASE_URL}/v1/scenarios`, (_req, res, ctx) =>
    res(ctx.json({ items: scenarios })),
  ),
  rest.get(`${BASE_URL}/v1/decision-tree`, (_req, res, ctx) =>
    res(ctx.json(decisionTree)),
  ),
  rest.get(`${BASE_URL}/v1/graph`, (_req, res, ctx) => res(ctx.json(graph))),
  rest.get(`${BASE_URL}/v1/gaps`, (_req, res, ctx) =>
    res(ctx.json({ items: gapRules })),
  ),
  rest.get(`${BASE_URL}/v1/patterns/:id/usage`, (req, res, ctx) =>
    res(
      ctx.json(
        req.params.id === circuitBreakerUsage.patternId
          ? circuitBreakerUsage
          : { patternId: req.params.id, total: 0, owners: [] },
      ),
    ),
  ),
  rest.get(`${BASE_URL}/v1/adoption`, (_req, res, ctx) =>
    res(ctx.json(adoption)),
  ),
];

export const server = setupServer(...backendHandlers);

/** Renders the plugin's pages at `path`, with the real client over msw. */
export function renderPatternsAt(path: string) {
  const client = new PatternsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [patternsApiRef, client],
        [discoveryApiRef, mockApis.discovery()],
        [fetchApiRef, new MockFetchApi()],
      ]}
    >
      <Routes>
        <Route path="/patterns/*" element={<PatternsRouter />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/patterns': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

export { guideRouteRef, patternRouteRef };
