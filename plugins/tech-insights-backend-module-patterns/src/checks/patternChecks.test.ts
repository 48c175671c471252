import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DateTime } from 'luxon';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  TechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { exampleEntities, testContent } from '../__testUtils__/fixtures';
import { createPatternsFactRetriever } from '../retriever/createPatternsFactRetriever';
import { patternFactSchema } from '../retriever/patternFacts';
import { patternCheckList, patternChecks } from './patternChecks';

/** The latest facts of each entity, as the Tech Insights database answers them. */
function storeOf(facts: TechInsightFact[]): TechInsightsStore {
  const unused = async () => {
    throw new Error('not used by the fact checker');
  };
  return {
    insertFacts: unused,
    insertFactSchema: unused,
    getEntities: unused,
    getFactsBetweenTimestampsByIds: unused,
    async getLatestSchemas() {
      return [patternFactSchema];
    },
    async getLatestFactsByIds(ids, entityRef) {
      const row = facts.find(f => stringifyEntityRef(f.entity) === entityRef);
      if (!row) return {};
      return Object.fromEntries(
        ids.map(id => [
          id,
          {
            id,
            entity: row.entity,
            facts: row.facts,
            timestamp: DateTime.now(),
          },
        ]),
      );
    },
  };
}

async function checker() {
  const retriever = createPatternsFactRetriever({
    catalog: catalogServiceMock({ entities: exampleEntities }),
    auth: mockServices.auth(),
    content: testContent(),
  });
  const facts = await retriever.handler({
    config: new ConfigReader({}),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    auth: mockServices.auth(),
    urlReader: mockServices.urlReader.mock(),
  });
  const factory = new JsonRulesEngineFactCheckerFactory({
    checks: patternCheckList(),
    logger: mockServices.logger.mock(),
  });
  return factory.construct(storeOf(facts));
}

describe('the example pattern checks', () => {
  it('are valid JSON-rules checks', async () => {
    const factChecker = await checker();
    for (const check of await factChecker.getChecks()) {
      expect(await factChecker.validate(check)).toEqual({ valid: true });
    }
  });

  it.each([
    [
      'component:default/healthy',
      {
        patternsDeclared: true,
        patternsNoRiskyGaps: true,
        patternsAnnotationValid: true,
      },
    ],
    [
      'component:default/undeclared',
      {
        patternsDeclared: false,
        patternsNoRiskyGaps: true,
        patternsAnnotationValid: true,
      },
    ],
    [
      'component:default/risky',
      {
        patternsDeclared: true,
        patternsNoRiskyGaps: false,
        patternsAnnotationValid: true,
      },
    ],
    [
      'api:default/typo',
      {
        patternsDeclared: true,
        patternsNoRiskyGaps: true,
        patternsAnnotationValid: false,
      },
    ],
    [
      'system:default/advised',
      {
        patternsDeclared: true,
        patternsNoRiskyGaps: true,
        patternsAnnotationValid: true,
      },
    ],
  ])('score %s', async (entityRef, expected) => {
    const results = await (await checker()).runChecks(entityRef);
    expect(
      Object.fromEntries(results.map(r => [r.check.id, r.result])),
    ).toEqual(expected);
    expect(results.map(r => r.check.name).sort()).toEqual([
      'Declares its patterns',
      'No risky pattern gaps',
      'Patterns annotation has no problems',
    ]);
  });

  it('are the checks the example portal configures', () => {
    const appConfig = parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../../app-config.yaml'),
        'utf8',
      ),
    );
    expect(appConfig.techInsights.factChecker.checks).toEqual(patternChecks);
    expect(appConfig.techInsights.factRetrievers).toHaveProperty(
      'patternsFactRetriever',
    );
  });
});
