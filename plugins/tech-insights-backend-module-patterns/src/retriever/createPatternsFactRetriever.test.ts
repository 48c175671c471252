import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { exampleEntities, testContent } from '../__testUtils__/fixtures';
import {
  createPatternsFactRetriever,
  PATTERN_FACT_ENTITY_FILTER,
} from './createPatternsFactRetriever';
import { patternFactSchema } from './patternFacts';

function context(): FactRetrieverContext {
  return {
    config: new ConfigReader({}),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    auth: mockServices.auth(),
    urlReader: mockServices.urlReader.mock(),
    entityFilter: PATTERN_FACT_ENTITY_FILTER,
  };
}

describe('the patterns fact retriever', () => {
  it('computes each component, API and system’s pattern facts from its report', async () => {
    const catalog = catalogServiceMock({ entities: exampleEntities });
    const retriever = createPatternsFactRetriever({
      catalog,
      auth: mockServices.auth(),
      content: testContent(),
    });
    const facts = await retriever.handler(context());
    const byName = Object.fromEntries(facts.map(f => [f.entity.name, f]));

    expect(Object.keys(byName).sort()).toEqual([
      'advised',
      'detected',
      'healthy',
      'risky',
      'typo',
      'undeclared',
    ]);
    expect(byName.healthy).toEqual({
      entity: { kind: 'Component', namespace: 'default', name: 'healthy' },
      facts: {
        annotated: true,
        declaredPatterns: ['retry-with-backoff', 'timeout'],
        declaredPatternCount: 2,
        detectedPatterns: [],
        detectedNotDeclaredCount: 0,
        annotationProblemCount: 0,
        gapCount: 0,
        riskyGapCount: 0,
        gapRuleIds: [],
      },
    });
    expect(byName.undeclared.facts).toMatchObject({
      annotated: false,
      declaredPatternCount: 0,
    });
    expect(byName.risky.facts).toMatchObject({
      riskyGapCount: 1,
      gapCount: 1,
      gapRuleIds: ['retry-without-timeout'],
    });
    expect(byName.typo.facts).toMatchObject({
      declaredPatterns: ['circuit-breaker'],
      annotationProblemCount: 1,
    });
    expect(byName.advised.facts).toMatchObject({
      gapCount: 1,
      riskyGapCount: 0,
      gapRuleIds: ['saga-without-outbox'],
    });
    // no detector given: the evidence annotation is not read
    expect(byName.detected.facts).toMatchObject({
      detectedPatterns: [],
      declaredPatternCount: 0,
    });
    for (const fact of facts) {
      expect(Object.keys(fact.facts).sort()).toEqual(
        Object.keys(patternFactSchema).sort(),
      );
    }
  });

  it('reads the catalog in pages with its own service credentials', async () => {
    const catalog = catalogServiceMock({ entities: exampleEntities });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const retriever = createPatternsFactRetriever({
      catalog,
      auth: mockServices.auth({ pluginId: 'tech-insights' }),
      content: testContent(),
    });
    await retriever.handler(context());
    expect(stream).toHaveBeenCalledTimes(1);
    const [request, options] = stream.mock.calls[0];
    expect(request).toMatchObject({
      filter: PATTERN_FACT_ENTITY_FILTER,
      pageSize: 500,
    });
    expect(request?.fields).toEqual(
      expect.arrayContaining(['metadata.annotations', 'status']),
    );
    expect(
      (options as { credentials: { principal: unknown } }).credentials
        .principal,
    ).toMatchObject({
      type: 'service',
      subject: 'plugin:tech-insights',
    });
  });

  it('counts detected patterns when a detector gives them, and their gaps', async () => {
    const catalog = catalogServiceMock({ entities: exampleEntities });
    const retriever = createPatternsFactRetriever({
      catalog,
      auth: mockServices.auth(),
      content: testContent(),
      detectedPatternsOf: entity =>
        entity.metadata.name === 'undeclared'
          ? [
              {
                id: 'retry-with-backoff',
                evidence: [
                  {
                    rule: 'deps',
                    source: 'package.json',
                    detail: 'p-retry',
                    strength: 'strong',
                  },
                ],
              },
            ]
          : [],
    });
    const facts = await retriever.handler(context());
    expect(
      facts.find(f => f.entity.name === 'undeclared')!.facts,
    ).toMatchObject({
      declaredPatternCount: 0,
      detectedPatterns: ['retry-with-backoff'],
      detectedNotDeclaredCount: 1,
      riskyGapCount: 1,
    });
  });
});
