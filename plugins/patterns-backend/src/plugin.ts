import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { createRouter } from './routes/createRouter';
import { PatternContentReader } from './service/PatternContentReader';
import { PatternUsageService } from './service/PatternUsageService';
import { EntityPatternReportService } from './service/EntityPatternReportService';
import { readCatalogTimeoutMs } from './service/catalogTimeout';

/** Serves the pattern content and its usage under /api/patterns. */
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
      },
      async init({ config, httpRouter, httpAuth, catalog, content }) {
        const patterns = new PatternContentReader(content);
        const catalogTimeoutMs = readCatalogTimeoutMs(config);
        const usage = new PatternUsageService(catalog, patterns, { catalogTimeoutMs });
        const reports = new EntityPatternReportService(catalog, patterns, { catalogTimeoutMs });
        httpRouter.use(await createRouter({ patterns, usage, reports, httpAuth }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
