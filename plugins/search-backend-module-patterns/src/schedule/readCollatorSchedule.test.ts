import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_COLLATOR_SCHEDULE,
  readCollatorSchedule,
} from './readCollatorSchedule';

describe('readCollatorSchedule', () => {
  it('indexes on every replica shortly after start-up by default', () => {
    expect(readCollatorSchedule(new ConfigReader({}))).toEqual(
      DEFAULT_COLLATOR_SCHEDULE,
    );
    expect(DEFAULT_COLLATOR_SCHEDULE.scope).toBe('local');
  });

  it('reads search.collators.patterns.schedule', () => {
    const config = new ConfigReader({
      search: {
        collators: {
          patterns: {
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 2 },
              scope: 'global',
            },
          },
        },
      },
    });
    expect(readCollatorSchedule(config)).toEqual({
      frequency: { hours: 1 },
      timeout: { minutes: 2 },
      scope: 'global',
    });
  });

  it('names the key of an invalid schedule', () => {
    const config = new ConfigReader({
      search: { collators: { patterns: { schedule: { frequency: 'often' } } } },
    });
    expect(() => readCollatorSchedule(config)).toThrow(
      /Invalid schedule at search\.collators\.patterns\.schedule/,
    );
  });
});
