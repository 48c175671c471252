import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.patterns.schedule';

/**
 * Content changes only when the backend restarts, so the index is built
 * shortly after start-up and refreshed now and then. The schedule is local:
 * every replica builds its own index, as the in-memory default search engine
 * needs (a globally scheduled run would index on one replica only).
 */
export const DEFAULT_COLLATOR_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 3 },
    scope: 'local',
  };

/** `search.collators.patterns.schedule` from app-config, or the default. */
export function readCollatorSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(CONFIG_KEY);
  if (!schedule) return DEFAULT_COLLATOR_SCHEDULE;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(`Invalid schedule at ${CONFIG_KEY}: ${error}`);
  }
}
