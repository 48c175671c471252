import { loadExample } from './__testUtils__/loadExample';

const {
  policyFromLegacy,
  toLegacyPolicyNumber,
  toLegacyStatus,
  PolicyDirectory,
  LegacyDataError,
} = loadExample('anti-corruption-layer');

/** A record as the legacy system returns it: padded, zero-filled, with its historical quirks. */
function legacyRecord(overrides: Record<string, string> = {}) {
  return {
    POLNO: 'P0012345  ',
    CUSTNO: '0000004711',
    STATCD: 'A',
    PREMCT: '0000012550',
    CURR: '   ',
    EFFDT: '20240101',
    EXPDT: '99991231',
    ...overrides,
  };
}

function fakeGateway(records: Record<string, any> = {}) {
  const reads: string[] = [];
  const writes: any[] = [];
  return {
    reads,
    writes,
    async readPolicy(key: string) {
      reads.push(key);
      return records[key];
    },
    async writeStatus(update: any) {
      writes.push(update);
    },
  };
}

describe('anti-corruption layer example', () => {
  it('translates a padded legacy record, applying the legacy conventions', () => {
    expect(policyFromLegacy(legacyRecord())).toEqual({
      ok: true,
      value: {
        policyNumber: 'P0012345',
        customerRef: '4711',
        status: 'in-force',
        yearlyPremium: { amountMinor: 12550, currency: 'EUR' }, // blank currency means EUR
        cover: { from: '2024-01-01', until: null }, // 99991231 means open-ended
      },
    });
  });

  it('keeps an explicit currency and a real end date', () => {
    const result = policyFromLegacy(
      legacyRecord({ CURR: 'CHF', EXPDT: '20241231', STATCD: 'L ' }),
    );
    expect(result.ok).toBe(true);
    expect(result.value.yearlyPremium.currency).toBe('CHF');
    expect(result.value.cover).toEqual({
      from: '2024-01-01',
      until: '2024-12-31',
    });
    expect(result.value.status).toBe('lapsed');
  });

  it('maps every legacy status code explicitly and rejects unknown ones', () => {
    expect(policyFromLegacy(legacyRecord({ STATCD: 'X' })).value.status).toBe(
      'cancelled',
    );
    const unknown = policyFromLegacy(legacyRecord({ STATCD: 'S' }));
    expect(unknown).toEqual({
      ok: false,
      issues: [{ field: 'STATCD', code: 'unknown-code', value: 'S' }],
    });
  });

  it('does not mistake inherited object properties for legacy codes', () => {
    for (const code of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
    ]) {
      expect(policyFromLegacy(legacyRecord({ STATCD: code }))).toEqual({
        ok: false,
        issues: [{ field: 'STATCD', code: 'unknown-code', value: code }],
      });
    }
    expect(() => toLegacyStatus('constructor')).toThrow(/no legacy code/);
  });

  it('accepts only the currencies in the code table', () => {
    expect(policyFromLegacy(legacyRecord({ CURR: 'EUX' }))).toEqual({
      ok: false,
      issues: [{ field: 'CURR', code: 'unknown-code', value: 'EUX' }],
    });
  });

  it('converts legacy hundredths into the currency minor unit without rounding', () => {
    const yen = policyFromLegacy(
      legacyRecord({ CURR: 'JPY', PREMCT: '0000012500' }),
    );
    expect(yen.ok).toBe(true);
    expect(yen.value.yearlyPremium).toEqual({
      amountMinor: 125,
      currency: 'JPY',
    }); // 125.00 yen, not 12,500
    expect(
      policyFromLegacy(legacyRecord({ CURR: 'JPY', PREMCT: '0000012550' })),
    ).toEqual({
      ok: false,
      issues: [{ field: 'PREMCT', code: 'inconsistent', value: '0000012550' }],
    });
    expect(
      policyFromLegacy(legacyRecord({ CURR: 'CHF', PREMCT: '0000012550' }))
        .value.yearlyPremium,
    ).toEqual({ amountMinor: 12550, currency: 'CHF' });
  });

  it('reports every problem of a record at once, with the raw values', () => {
    const result = policyFromLegacy(
      legacyRecord({
        POLNO: 'Q12',
        CUSTNO: '0000000000',
        STATCD: '?',
        PREMCT: '12,50',
        CURR: 'eur',
        EFFDT: '20230231',
        EXPDT: '2024-12-31',
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      { field: 'POLNO', code: 'malformed', value: 'Q12' },
      { field: 'CUSTNO', code: 'malformed', value: '0000000000' },
      { field: 'STATCD', code: 'unknown-code', value: '?' },
      { field: 'PREMCT', code: 'malformed', value: '12,50' },
      { field: 'CURR', code: 'malformed', value: 'eur' },
      { field: 'EFFDT', code: 'invalid-date', value: '20230231' },
      { field: 'EXPDT', code: 'invalid-date', value: '2024-12-31' },
    ]);
  });

  it('rejects cover that ends before it starts', () => {
    expect(
      policyFromLegacy(legacyRecord({ EFFDT: '20240601', EXPDT: '20240531' })),
    ).toEqual({
      ok: false,
      issues: [{ field: 'EXPDT', code: 'inconsistent', value: '20240531' }],
    });
  });

  it('accepts a leap day and rejects the same date in a common year', () => {
    expect(policyFromLegacy(legacyRecord({ EFFDT: '20240229' })).ok).toBe(true);
    expect(policyFromLegacy(legacyRecord({ EFFDT: '20230229' })).ok).toBe(
      false,
    );
  });

  it('formats and validates the legacy key for the write path', () => {
    expect(toLegacyPolicyNumber('P0012345')).toBe('P0012345  ');
    expect(toLegacyPolicyNumber('P0012345')).toHaveLength(10);
    expect(() => toLegacyPolicyNumber('P12345678')).toThrow(
      /not a policy number/,
    );
    expect(() => toLegacyPolicyNumber('p0012345')).toThrow(
      /not a policy number/,
    );
  });

  it('round-trips every domain status through the legacy code table', () => {
    for (const status of ['in-force', 'lapsed', 'cancelled']) {
      const code = toLegacyStatus(status);
      expect(
        policyFromLegacy(legacyRecord({ STATCD: code })).value.status,
      ).toBe(status);
    }
  });

  describe('PolicyDirectory facade', () => {
    it('reads with the legacy key and returns a domain policy', async () => {
      const gateway = fakeGateway({ 'P0012345  ': legacyRecord() });
      const directory = new PolicyDirectory(gateway);
      const policy = await directory.find('P0012345');
      expect(gateway.reads).toEqual(['P0012345  ']);
      expect(policy).toMatchObject({
        policyNumber: 'P0012345',
        status: 'in-force',
      });
      expect(Object.keys(policy)).not.toContain('STATCD');
    });

    it('returns undefined for a policy the legacy system does not have', async () => {
      const directory = new PolicyDirectory(fakeGateway());
      await expect(directory.find('P0099999')).resolves.toBeUndefined();
    });

    it('quarantines and rejects a record that fails translation', async () => {
      const bad = legacyRecord({ STATCD: 'Z', PREMCT: 'n/a' });
      const quarantined: any[] = [];
      const directory = new PolicyDirectory(
        fakeGateway({ 'P0012345  ': bad }),
        {
          onQuarantine: (record: unknown, issues: unknown) =>
            quarantined.push({ record, issues }),
        },
      );
      const error = await directory.find('P0012345').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LegacyDataError);
      expect(error.issues.map((i: any) => `${i.field}:${i.code}`)).toEqual([
        'STATCD:unknown-code',
        'PREMCT:malformed',
      ]);
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0].record).toBe(bad);
    });

    it('rejects an invalid domain policy number before calling the legacy system', async () => {
      const gateway = fakeGateway();
      const directory = new PolicyDirectory(gateway);
      await expect(directory.find('12345')).rejects.toThrow(
        /not a policy number/,
      );
      await expect(directory.changeStatus('12345', 'lapsed')).rejects.toThrow();
      expect(gateway.reads).toEqual([]);
      expect(gateway.writes).toEqual([]);
    });

    it('writes only the key and the status code, never the whole record', async () => {
      const gateway = fakeGateway();
      await new PolicyDirectory(gateway).changeStatus('P0012345', 'cancelled');
      expect(gateway.writes).toEqual([{ POLNO: 'P0012345  ', STATCD: 'X' }]);
    });
  });
});
