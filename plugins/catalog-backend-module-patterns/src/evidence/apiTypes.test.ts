import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { apiRefsOf, CatalogApiTypeSource } from './apiTypes';

const api = (name: string, type: string, namespace = 'default') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace },
  spec: { type, lifecycle: 'production', owner: 'team-a', definition: '' },
});

describe('apiRefsOf', () => {
  it('reads providesApis and consumesApis as full refs in the entity namespace', () => {
    expect(
      apiRefsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'svc', namespace: 'shop' },
        spec: {
          providesApis: ['orders', 'api:default/Payments'],
          consumesApis: ['inventory', 42, ''],
        },
      }),
    ).toEqual([
      { ref: 'api:shop/orders', relation: 'provides' },
      { ref: 'api:default/payments', relation: 'provides' },
      { ref: 'api:shop/inventory', relation: 'consumes' },
    ]);
  });
});

describe('CatalogApiTypeSource', () => {
  it('asks the catalog with its own credentials, once per API within the TTL', async () => {
    const catalog = catalogServiceMock({
      entities: [api('orders', 'openapi'), api('events', 'asyncapi')],
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const auth = mockServices.auth();
    let now = 0;
    const source = new CatalogApiTypeSource(catalog, auth, {
      ttlMs: 1_000,
      missingTtlMs: 100,
      now: () => now,
    });

    expect(
      await source.typesOf(['api:default/orders', 'api:default/missing']),
    ).toEqual(new Map([['api:default/orders', 'openapi']]));
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['api:default/orders', 'api:default/missing'],
        fields: expect.any(Array),
      },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'service' }),
        }),
      },
    );

    now = 50;
    expect(
      await source.typesOf(['api:default/orders', 'api:default/events']),
    ).toEqual(
      new Map([
        ['api:default/orders', 'openapi'],
        ['api:default/events', 'asyncapi'],
      ]),
    );
    expect(getEntitiesByRefs.mock.calls[1][0].entityRefs).toEqual([
      'api:default/events',
    ]);

    now = 200; // the missing API is asked again, the known ones are not
    await source.typesOf(['api:default/orders', 'api:default/missing']);
    expect(getEntitiesByRefs.mock.calls[2][0].entityRefs).toEqual([
      'api:default/missing',
    ]);
  });
});
