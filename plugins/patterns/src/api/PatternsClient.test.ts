import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { rest } from 'msw';
import { BASE_URL, server } from '../__testUtils__/renderPatterns';
import { PatternsClient } from './PatternsClient';

registerMswTestHooks(server);

function client() {
  return new PatternsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
}

/** Serves a report for any entity and records the paths asked for. */
function serveAnyReport() {
  const paths: string[] = [];
  server.use(
    rest.get(
      `${BASE_URL}/v1/entities/:kind/:namespace/:name/patterns`,
      (req, res, ctx) => {
        paths.push(req.url.pathname);
        return res(
          ctx.json({
            entityRef: `${req.params.kind}:${req.params.namespace}/${req.params.name}`,
          }),
        );
      },
    ),
  );
  return paths;
}

describe('PatternsClient.getEntityPatternReport', () => {
  it('reads the report of an entity ref or its parts, encoded', async () => {
    const paths = serveAnyReport();
    const api = client();
    await api.getEntityPatternReport('Component:default/checkout');
    await api.getEntityPatternReport({
      kind: 'API',
      namespace: 'Team A',
      name: 'orders/v2',
    });
    expect(paths).toEqual([
      '/api/patterns/v1/entities/component/default/checkout/patterns',
      '/api/patterns/v1/entities/api/team%20a/orders%2Fv2/patterns',
    ]);
  });

  it('asks again on every call: the answer depends on the caller’s permissions', async () => {
    const paths = serveAnyReport();
    const api = client();
    await api.getEntityPatternReport('component:default/checkout');
    await api.getEntityPatternReport('component:default/checkout');
    expect(paths).toHaveLength(2);
  });

  it('rejects a ref without a kind', async () => {
    await expect(client().getEntityPatternReport('checkout')).rejects.toThrow(
      /kind/,
    );
  });

  it('fails with the backend’s error', async () => {
    await expect(
      client().getEntityPatternReport('component:default/nobody'),
    ).rejects.toThrow(/404/);
  });
});
