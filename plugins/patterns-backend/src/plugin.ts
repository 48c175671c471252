import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { createRouter } from './routes/createRouter';
import { PatternCatalog } from './service/PatternCatalog';
import { PatternUsageService } from './service/PatternUsageService';

/** Serves the pattern catalog under /api/patterns. */
export const patternsPlugin = createBackendPlugin({
  pluginId: 'patterns',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
        content: patternContentServiceRef,
      },
      async init({ httpRouter, httpAuth, catalog, content }) {
        const patterns = new PatternCatalog(content);
        httpRouter.use(
          await createRouter({
            patterns,
            usage: new PatternUsageService(catalog, patterns),
            httpAuth,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
