import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { createPatternIdIndex } from '@system-design/backstage-plugin-patterns-common';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { CatalogApiTypeSource } from './evidence/apiTypes';
import { readEvidenceOptions } from './evidence/evidenceOptions';
import { PatternEvidenceProcessor } from './evidence/PatternEvidenceProcessor';
import { PatternAnnotationProcessor } from './processor/PatternAnnotationProcessor';

/**
 * Validates the `system-design/patterns` annotation against the loaded
 * pattern content and emits `usesPattern` relations; detects the patterns
 * an entity really uses from its source tree and catalog fields and emits
 * `hasPatternEvidence` relations.
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
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        auth: coreServices.auth,
        catalogApi: catalogServiceRef,
      },
      async init({
        catalog,
        content,
        logger,
        config,
        reader,
        auth,
        catalogApi,
      }) {
        catalog.addProcessor(
          new PatternAnnotationProcessor({
            loadIndex: async () =>
              createPatternIdIndex((await content.getContent()).patterns),
            logger,
          }),
        );
        const options = readEvidenceOptions(config);
        catalog.addProcessor(
          new PatternEvidenceProcessor({
            loadRules: async () => {
              const { evidence, patterns } = await content.getContent();
              return { rules: evidence, patternIds: patterns.map(p => p.id) };
            },
            reader,
            apiTypes: new CatalogApiTypeSource(catalogApi, auth),
            logger,
            options,
          }),
        );
        if (options.enabled) {
          logger.info(
            `Pattern evidence: reading the source of ${options.kinds.join(
              ', ',
            )} entities, at most ${options.maxFiles} files and ${
              options.maxBytes
            } bytes each`,
          );
        }
      },
    });
  },
});
