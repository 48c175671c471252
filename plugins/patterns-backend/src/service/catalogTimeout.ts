import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** The config key of the catalog timeout (see config.d.ts). */
export const CATALOG_TIMEOUT_CONFIG_KEY = 'patterns.catalog.timeout';

/** How long a usage or adoption answer waits for the catalog by default. */
export const DEFAULT_CATALOG_TIMEOUT: HumanDuration = { seconds: 10 };

/**
 * The catalog timeout in milliseconds, from `patterns.catalog.timeout`.
 * Throws, so the backend does not start, when the value is not a positive
 * duration.
 */
export function readCatalogTimeoutMs(config: RootConfigService): number {
  const duration = config.has(CATALOG_TIMEOUT_CONFIG_KEY)
    ? readDurationFromConfig(config, { key: CATALOG_TIMEOUT_CONFIG_KEY })
    : DEFAULT_CATALOG_TIMEOUT;
  const ms = durationToMilliseconds(duration);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(
      `Invalid config at ${CATALOG_TIMEOUT_CONFIG_KEY}: the timeout must be a positive duration`,
    );
  }
  return ms;
}

/** {@link DEFAULT_CATALOG_TIMEOUT} in milliseconds. */
export const DEFAULT_CATALOG_TIMEOUT_MS = durationToMilliseconds(
  DEFAULT_CATALOG_TIMEOUT,
);
