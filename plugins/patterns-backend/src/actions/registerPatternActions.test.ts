import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { patternsPlugin } from '../plugin';
import {
  contentDirectory,
  exampleEntities,
  startActionsBackend,
} from './__testUtils__/startActionsBackend';

const NAMES = [
  'list-patterns',
  'get-pattern',
  'recommend-patterns',
  'who-uses-pattern',
  'get-entity-pattern-report',
];

describe('the patterns actions', () => {
  it('are registered read-only and idempotent, with descriptions and input schemas', async () => {
    const { actionsRegistry } = await startActionsBackend();
    const { actions } = await actionsRegistry.list();
    expect(actions.map(a => a.name)).toEqual(NAMES);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(action.description.length).toBeGreaterThan(200);
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.schema.output).toMatchObject({ type: 'object' });
    }
    const recommend = actions.find(a => a.name === 'recommend-patterns')!;
    expect(recommend.schema.input).toMatchObject({
      properties: {
        answers: {
          type: 'array',
          items: {
            properties: {
              question: { type: 'string' },
              answer: { type: ['string', 'number'] },
            },
          },
        },
      },
    });
  });

  it('are served by the real actions registry under /api/patterns, with the caller’s credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        patternsPlugin,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            patterns: {
              content: {
                directories: [contentDirectory],
                includeBuiltIn: false,
              },
            },
          },
        }),
        catalogServiceMock.factory({ entities: exampleEntities }),
      ],
    });
    const user = { Authorization: mockCredentials.user.header() };

    const listed = await request(server)
      .get('/api/patterns/.backstage/actions/v1/actions')
      .set(user)
      .expect(200);
    expect(listed.body.actions.map((a: { id: string }) => a.id)).toEqual(
      NAMES.map(name => `patterns:${name}`),
    );

    const rest = await request(server)
      .get('/api/patterns/v1/patterns/circuit-breaker/usage')
      .set(user)
      .expect(200);
    const invoked = await request(server)
      .post(
        '/api/patterns/.backstage/actions/v1/actions/patterns:who-uses-pattern/invoke',
      )
      .set(user)
      .send({ id: 'circuit-breaker' })
      .expect(200);
    expect(invoked.body.output).toEqual(rest.body);
    expect(invoked.body.output.total).toBe(3);

    const refused = await request(server)
      .post(
        '/api/patterns/.backstage/actions/v1/actions/patterns:who-uses-pattern/invoke',
      )
      .set(user)
      .send({ id: 'no-such-pattern' })
      .expect(404);
    expect(refused.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No pattern with id "no-such-pattern"',
    });

    await request(server)
      .post(
        '/api/patterns/.backstage/actions/v1/actions/patterns:who-uses-pattern/invoke',
      )
      .send({ id: 'circuit-breaker' })
      .expect(401);
  });
});
