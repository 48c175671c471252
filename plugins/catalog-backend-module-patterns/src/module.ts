import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createPatternIdIndex } from '@system-design/backstage-plugin-patterns-common';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { PatternAnnotationProcessor } from './processor/PatternAnnotationProcessor';

/**
 * Validates the `system-design/patterns` annotation against the loaded
 * pattern content and emits `usesPattern` relations.
 */
export const catalogModulePatterns = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'patterns',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        content: patternContentServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, content, logger }) {
        catalog.addProcessor(
          new PatternAnnotationProcessor({
            loadIndex: async () =>
              createPatternIdIndex((await content.getContent()).patterns),
            logger,
          }),
        );
      },
    });
  },
});
