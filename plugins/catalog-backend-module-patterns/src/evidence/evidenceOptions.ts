import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** How the evidence detector reads (`patterns.evidence` in app-config). */
export interface EvidenceOptions {
  enabled: boolean;
  /** Entity kinds whose source location is read, lower-case. */
  kinds: string[];
  maxFiles: number;
  maxBytes: number;
  maxFileBytes: number;
  readTimeoutMs: number;
  refreshIntervalMs: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = {
  enabled: true,
  kinds: ['component'],
  maxFiles: 200,
  maxBytes: 4 * 1024 * 1024,
  maxFileBytes: 512 * 1024,
  readTimeoutMs: 30_000,
  refreshIntervalMs: 10 * 60_000,
};

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `patterns.evidence.${key} must be a positive number, got ${value}`,
    );
  }
  return Math.floor(value);
}

function duration(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) return fallback;
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/** Reads `patterns.evidence`, with the defaults above. */
export function readEvidenceOptions(root: Config): EvidenceOptions {
  const config = root.getOptionalConfig('patterns.evidence');
  if (!config) return DEFAULT_EVIDENCE_OPTIONS;
  const d = DEFAULT_EVIDENCE_OPTIONS;
  return {
    enabled: config.getOptionalBoolean('enabled') ?? d.enabled,
    kinds: (config.getOptionalStringArray('kinds') ?? d.kinds).map(kind =>
      kind.toLocaleLowerCase('en-US'),
    ),
    maxFiles: positive(config, 'maxFiles', d.maxFiles),
    maxBytes: positive(config, 'maxBytes', d.maxBytes),
    maxFileBytes: positive(config, 'maxFileBytes', d.maxFileBytes),
    readTimeoutMs: duration(config, 'readTimeout', d.readTimeoutMs),
    refreshIntervalMs: duration(config, 'refreshInterval', d.refreshIntervalMs),
  };
}
