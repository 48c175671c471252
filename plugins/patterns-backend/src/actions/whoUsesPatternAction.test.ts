import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startActionsBackend } from './__testUtils__/startActionsBackend';

describe('patterns:who-uses-pattern', () => {
  let backend: Awaited<ReturnType<typeof startActionsBackend>>;
  beforeAll(async () => {
    backend = await startActionsBackend();
  });
  const invoke = async (input: object) =>
    (
      await backend.actionsRegistry.invoke({
        id: 'test:who-uses-pattern',
        input: input as any,
        credentials: mockCredentials.user(),
      })
    ).output;

  it('answers exactly what GET /v1/patterns/:id/usage answers the same user', async () => {
    const rest = await request(backend.server)
      .get('/api/patterns/v1/patterns/circuit-breaker/usage')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const output = await invoke({ id: 'circuit-breaker' });
    expect(output).toEqual(rest.body);
    expect(output).toMatchObject({
      patternId: 'circuit-breaker',
      total: 3,
      owners: [
        {
          owner: 'group:default/orders',
          entities: [
            expect.objectContaining({ ref: 'api:default/orders-api' }),
          ],
        },
        {
          owner: 'group:default/payments',
          entities: [
            expect.objectContaining({ ref: 'component:default/billing' }),
          ],
        },
        {
          owner: 'unowned',
          entities: [
            expect.objectContaining({ ref: 'component:default/legacy' }),
          ],
        },
      ],
    });
  });

  it('resolves an alias to the canonical id', async () => {
    const output = await invoke({ id: 'RETRY' });
    expect(output).toMatchObject({ patternId: 'retry-with-backoff', total: 1 });
  });

  it('answers an unknown id with a NotFoundError and a huge one with an InputError', async () => {
    await expect(invoke({ id: 'circuit-braker' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No pattern with id "circuit-braker"',
    });
    await expect(invoke({ id: 'x'.repeat(1_000_000) })).rejects.toMatchObject({
      name: 'InputError',
      message: 'id is 1,000,000 characters long; at most 100 are accepted',
    });
  });
});
