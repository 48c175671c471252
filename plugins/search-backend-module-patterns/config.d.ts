import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The Architecture Patterns collator. */
      patterns?: {
        /**
         * When the pattern index is rebuilt. Defaults to every 30 minutes,
         * 3 seconds after start-up, scope `local` (every replica builds its
         * own index, as the in-memory search engine needs).
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
