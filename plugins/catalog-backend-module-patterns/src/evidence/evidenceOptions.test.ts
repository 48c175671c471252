import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  readEvidenceOptions,
} from './evidenceOptions';

describe('readEvidenceOptions', () => {
  it('has defaults', () => {
    expect(readEvidenceOptions(new ConfigReader({}))).toEqual(
      DEFAULT_EVIDENCE_OPTIONS,
    );
    expect(DEFAULT_EVIDENCE_OPTIONS).toMatchObject({
      enabled: true,
      kinds: ['component'],
    });
  });

  it('reads patterns.evidence', () => {
    expect(
      readEvidenceOptions(
        new ConfigReader({
          patterns: {
            evidence: {
              enabled: false,
              kinds: ['Component', 'Resource'],
              maxFiles: 50,
              maxBytes: 1_000_000,
              maxFileBytes: 100_000,
              readTimeout: { seconds: 5 },
              refreshInterval: '1h',
            },
          },
        }),
      ),
    ).toEqual({
      enabled: false,
      kinds: ['component', 'resource'],
      maxFiles: 50,
      maxBytes: 1_000_000,
      maxFileBytes: 100_000,
      readTimeoutMs: 5_000,
      refreshIntervalMs: 3_600_000,
    });
  });

  it('refuses limits that are not positive', () => {
    expect(() =>
      readEvidenceOptions(
        new ConfigReader({ patterns: { evidence: { maxFiles: 0 } } }),
      ),
    ).toThrow('patterns.evidence.maxFiles must be a positive number');
  });
});
