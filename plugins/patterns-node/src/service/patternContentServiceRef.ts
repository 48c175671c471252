import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  DefaultPatternContentService,
  PatternContentService,
} from './PatternContentService';

/**
 * The pattern catalog, shared by the patterns backend, the catalog module and
 * the search module. Root-scoped: loaded once per backend process.
 */
export const patternContentServiceRef = createServiceRef<PatternContentService>(
  {
    id: 'system-design.patterns.content',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory: ({ config, logger }) =>
          DefaultPatternContentService.fromConfig(config, { logger }),
      }),
  },
);
