import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { createRouter } from './routes/createRouter';
import { PatternCatalog } from './service/PatternCatalog';

/** Serves the pattern catalog under /api/patterns. */
export const patternsPlugin = createBackendPlugin({
  pluginId: 'patterns',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        content: patternContentServiceRef,
      },
      async init({ httpRouter, content }) {
        httpRouter.use(
          await createRouter({ patterns: new PatternCatalog(content) }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
