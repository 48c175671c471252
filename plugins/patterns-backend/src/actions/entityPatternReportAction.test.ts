import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startActionsBackend } from './__testUtils__/startActionsBackend';

describe('patterns:get-entity-pattern-report', () => {
  let backend: Awaited<ReturnType<typeof startActionsBackend>>;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  const invoke = async (input: object) =>
    (
      await backend.actionsRegistry.invoke({
        id: 'test:get-entity-pattern-report',
        input: input as any,
        credentials: mockCredentials.user(),
      })
    ).output;

  it('answers exactly what GET /v1/entities/:kind/:namespace/:name/patterns answers', async () => {
    const rest = await request(backend.server)
      .get('/api/patterns/v1/entities/component/default/checkout/patterns')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const output = await invoke({ entityRef: 'component:default/checkout' });
    expect(output).toEqual(rest.body);
    expect(output).toMatchObject({
      entityRef: 'component:default/checkout',
      annotated: true,
      declared: ['saga', 'retry-with-backoff'],
      detected: [],
      problems: [
        { kind: 'unknown-id', token: 'timout', suggestion: 'timeout' },
      ],
      gaps: [{ ruleId: 'retry-without-timeout', missing: ['timeout'] }],
      suggestions: expect.arrayContaining([
        expect.objectContaining({ id: 'outbox' }),
      ]),
    });
  });

  it('defaults the kind to component and the namespace to default', async () => {
    expect(await invoke({ entityRef: 'billing' })).toMatchObject({
      entityRef: 'component:default/billing',
      declared: ['circuit-breaker', 'timeout'],
      gaps: [],
    });
  });

  it('answers an entity that is not in the catalog with a NotFoundError', async () => {
    await expect(
      invoke({ entityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No entity component:default/nope in the catalog',
    });
  });

  it('refuses a malformed or huge entity ref', async () => {
    await expect(
      invoke({ entityRef: 'component:default/a/b' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'is not an entity ref; write kind:namespace/name',
      ),
    });
    await expect(
      invoke({ entityRef: 'c'.repeat(10_000) }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'entityRef is 10,000 characters long; at most 300 are accepted',
    });
  });
});
