import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesFactChecker from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import request from 'supertest';
import { contentConfig, exampleEntities } from './__testUtils__/fixtures';
import { patternChecks } from './checks/patternChecks';
import { techInsightsModulePatterns } from './module';

const user = { Authorization: mockCredentials.user.header() };

async function eventually<T>(
  read: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('the Tech Insights module', () => {
  it('adds the pattern fact retriever through the extension point; the scorecard reads its facts', async () => {
    const { server } = await startTestBackend({
      features: [
        techInsightsPlugin,
        jsonRulesFactChecker,
        techInsightsModulePatterns,
        catalogServiceMock.factory({ entities: exampleEntities }),
        // runs the scheduled retrievers once at startup, initial delay or not
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...contentConfig,
            techInsights: {
              factRetrievers: {
                patternsFactRetriever: {
                  cadence: '*/10 * * * *',
                  initialDelay: { seconds: 1 },
                },
              },
              factChecker: {
                checks: JSON.parse(JSON.stringify(patternChecks)),
              },
            },
          },
        }),
      ],
    });

    const schemas = await request(server)
      .get('/api/tech-insights/fact-schemas')
      .set(user)
      .expect(200);
    expect(schemas.body).toContainEqual(
      expect.objectContaining({
        declaredPatternCount: expect.objectContaining({ type: 'integer' }),
      }),
    );

    const facts = await eventually(async () => {
      const res = await request(server)
        .get('/api/tech-insights/facts/latest')
        .query({
          entity: 'component:default/risky',
          ids: ['patternsFactRetriever'],
        })
        .set(user);
      return res.body.patternsFactRetriever;
    });
    expect(facts.facts).toMatchObject({
      declaredPatterns: ['retry-with-backoff'],
      riskyGapCount: 1,
      annotationProblemCount: 0,
    });

    const detected = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: 'component:default/detected',
        ids: ['patternsFactRetriever'],
      })
      .set(user)
      .expect(200);
    expect(detected.body.patternsFactRetriever.facts).toMatchObject({
      declaredPatternCount: 0,
      detectedPatterns: ['retry-with-backoff'],
      detectedNotDeclaredCount: 1,
      riskyGapCount: 1,
    });

    const results = await request(server)
      .post('/api/tech-insights/checks/run/default/component/risky')
      .set(user)
      .send({})
      .expect(200);
    expect(
      Object.fromEntries(results.body.map((r: any) => [r.check.id, r.result])),
    ).toEqual({
      patternsDeclared: true,
      patternsNoRiskyGaps: false,
      patternsAnnotationValid: true,
    });
  }, 60_000);
});
