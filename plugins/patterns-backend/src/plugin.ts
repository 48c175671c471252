import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { detectedPatternsFromEntity } from '@system-design/backstage-plugin-patterns-common';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { createRouter } from './routes/createRouter';
import { PatternContentReader } from './service/PatternContentReader';
import { PatternUsageService } from './service/PatternUsageService';
import { EntityPatternReportService } from './service/EntityPatternReportService';
import { readCatalogTimeoutMs } from './service/catalogTimeout';
import { registerPatternActions } from './actions/registerPatternActions';

/**
 * Serves the pattern content and its usage under /api/patterns, and the same
 * answers as actions (for the MCP actions backend) through the actions registry.
 */
export const patternsPlugin = createBackendPlugin({
  pluginId: 'patterns',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
        content: patternContentServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({ config, httpRouter, httpAuth, catalog, content, actionsRegistry }) {
        const patterns = new PatternContentReader(content);
        const catalogTimeoutMs = readCatalogTimeoutMs(config);
        const usage = new PatternUsageService(catalog, patterns, { catalogTimeoutMs });
        const reports = new EntityPatternReportService(catalog, patterns, {
          catalogTimeoutMs,
          // What the catalog module detected, from its evidence annotation.
          detectedPatternsOf: detectedPatternsFromEntity,
        });
        httpRouter.use(await createRouter({ patterns, usage, reports, httpAuth }));
        registerPatternActions({ actionsRegistry, patterns, usage, reports });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
