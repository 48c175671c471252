import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  buildEntityPatternReport,
  DetectedPattern,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { patternsApiRef } from '../api/PatternsApi';
import { PatternsClient } from '../api/PatternsClient';
import { PatternsRouter } from '../components/PatternsRouter';
import { guideRouteRef, patternRouteRef, rootRouteRef } from '../routes';
import {
  adoption,
  categories,
  circuitBreaker,
  circuitBreakerUsage,
  dataSummaries,
  decisionTree,
  documentOf,
  gapRules,
  graph,
  scenarios,
  summaries,
  timeoutSummary,
} from './fixtures';

export const BASE_URL = 'http://localhost:7007/api/patterns';

/** The patterns backend, answering from the fixtures. */
export const backendHandlers = [
  rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
    res(ctx.json({ items: summaries })),
  ),
  rest.get(`${BASE_URL}/v1/patterns/:id`, (req, res, ctx) => {
    const known = [...summaries, timeoutSummary, ...dataSummaries].find(
      p => p.id === req.params.id,
    );
    if (req.params.id === circuitBreaker.id)
      return res(ctx.json(circuitBreaker));
    return known
      ? res(ctx.json(documentOf(known)))
      : res(
          ctx.status(404),
          ctx.json({
            error: {
              name: 'NotFoundError',
              message: `No pattern with id "${req.params.id}"`,
            },
            response: { statusCode: 404 },
          }),
        );
  }),
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
  // The catalog of the fake backend is empty until a test serves an entity (`serveEntityReport`).
  rest.get(
    `${BASE_URL}/v1/entities/:kind/:namespace/:name/patterns`,
    (req, res, ctx) =>
      res(
        ctx.status(404),
        ctx.json({
          error: {
            name: 'NotFoundError',
            message: `No entity ${req.params.kind}:${req.params.namespace}/${req.params.name} in the catalog`,
          },
          response: { statusCode: 404 },
        }),
      ),
  ),
];

export const server = setupServer(...backendHandlers);

/**
 * Puts `entity` in the fake backend's catalog: its report is computed as the
 * backend computes it (`buildEntityPatternReport`), from the fixture content
 * (`patterns`, by default the ones `/v1/patterns` serves) and the `detected`
 * patterns a detector would have recorded.
 */
export function serveEntityReport(
  entity: Entity,
  options: {
    detected?: DetectedPattern[];
    patterns?: PatternSummary[];
  } = {},
) {
  const ref = stringifyEntityRef(entity);
  server.use(
    rest.get(
      `${BASE_URL}/v1/entities/:kind/:namespace/:name/patterns`,
      (req, res, ctx) => {
        const { kind, namespace, name } = req.params as Record<string, string>;
        if (`${kind}:${namespace}/${name}` !== ref) return undefined;
        return res(
          ctx.json(
            buildEntityPatternReport({
              entity,
              patterns: options.patterns ?? summaries,
              scenarios,
              gaps: gapRules,
              detected: options.detected,
            }),
          ),
        );
      },
    ),
  );
}

/** Lists Timeout and the data patterns too, which the wizard's outcome sets name. */
export function withDecisionPatterns() {
  server.use(
    rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
      res(
        ctx.json({ items: [...summaries, timeoutSummary, ...dataSummaries] }),
      ),
    ),
  );
}

/** The app's base URL in tests: pattern links in an ADR start with it. */
export const APP_BASE_URL = 'https://backstage.example.com';

/**
 * Where the test's router stands, and the browser's back button: the
 * wizard keeps its session in the URL.
 */
function HistoryProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <span data-testid="location">{`${location.pathname}${location.search}`}</span>
      <button type="button" onClick={() => navigate(-1)}>
        Browser back
      </button>
    </div>
  );
}

/** The URL the test's router stands at. */
export function currentUrl(): URL {
  const text = document.querySelector('[data-testid="location"]')?.textContent;
  return new URL(text ?? '/', 'http://localhost');
}

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
        [
          configApiRef,
          mockApis.config({ data: { app: { baseUrl: APP_BASE_URL } } }),
        ],
      ]}
    >
      <Routes>
        <Route path="/patterns/*" element={<PatternsRouter />} />
      </Routes>
      <HistoryProbe />
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
