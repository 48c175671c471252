import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { PatternCollatorFactory } from './collator/PatternCollatorFactory';

/** Indexes the pattern catalog for the portal's search. */
export const searchModulePatterns = createBackendModule({
  pluginId: 'search',
  moduleId: 'patterns-collator',
  register(env) {
    env.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        scheduler: coreServices.scheduler,
        content: patternContentServiceRef,
      },
      async init({ indexRegistry, scheduler, content }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 30 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 3 },
          }),
          factory: new PatternCollatorFactory(content),
        });
      },
    });
  },
});
