import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { PatternCollatorFactory } from './collator/PatternCollatorFactory';
import { readCollatorSchedule } from './schedule/readCollatorSchedule';

/** Indexes the pattern catalog for the portal's search. */
export const searchModulePatterns = createBackendModule({
  pluginId: 'search',
  moduleId: 'patterns-collator',
  register(env) {
    env.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        content: patternContentServiceRef,
      },
      async init({ indexRegistry, config, scheduler, content }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            readCollatorSchedule(config),
          ),
          factory: new PatternCollatorFactory(content),
        });
      },
    });
  },
});
