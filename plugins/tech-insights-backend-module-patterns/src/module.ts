import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { detectedPatternsFromEntity } from '@system-design/backstage-plugin-patterns-common';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { createPatternsFactRetriever } from './retriever/createPatternsFactRetriever';
import { PATTERNS_FACT_RETRIEVER_ID } from './retriever/patternFacts';

/**
 * Adds the pattern fact retriever to Tech Insights. Like every retriever it
 * runs only when `techInsights.factRetrievers.patternsFactRetriever` sets its
 * cadence in app-config.
 */
export const techInsightsModulePatterns = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'patterns',
  register(env) {
    env.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        content: patternContentServiceRef,
      },
      async init({ retrievers, auth, catalog, content }) {
        retrievers.addFactRetrievers({
          [PATTERNS_FACT_RETRIEVER_ID]: createPatternsFactRetriever({
            auth,
            catalog,
            content,
            // what the catalog module detected, from its evidence annotation
            detectedPatternsOf: detectedPatternsFromEntity,
          }),
        });
      },
    });
  },
});
