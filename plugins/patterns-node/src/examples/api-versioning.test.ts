import { loadExample } from './__testUtils__/loadExample';

const {
  validatePolicy,
  negotiateVersion,
  renderResponse,
  upgradeRequest,
  examplePolicy,
  AMOUNT_BECAME_OBJECT,
  CANCELED_STATUS_ADDED,
} = loadExample('api-versioning');

const POLICY_URL = 'https://developer.example.com/versioning';
const before = new Date('2025-06-01T00:00:00Z');

/** A charge as the current (2025-03-01) handlers produce it. */
const currentCharge = () => ({
  id: 'ch_1',
  amount: { value: 1250, currency: 'eur' },
  status: 'canceled',
});

describe('api versioning example', () => {
  const policy = examplePolicy(POLICY_URL);

  it('accepts the example policy and rejects inconsistent ones', () => {
    expect(() => validatePolicy(policy)).not.toThrow();
    const versions = policy.versions;
    expect(() =>
      validatePolicy({
        ...policy,
        versions: [versions[1], versions[0], versions[2]],
      }),
    ).toThrow(/oldest first/);
    expect(() =>
      validatePolicy({
        ...policy,
        versions: [
          {
            version: '2023-10-01',
            deprecatedAt: new Date('2025-03-01'),
            sunsetAt: new Date('2025-01-01'),
          },
          ...versions.slice(1),
        ],
      }),
    ).toThrow(/sunset/);
    expect(() =>
      validatePolicy({
        ...policy,
        versions: [
          { version: '2023-10-01', sunsetAt: new Date('2026-01-01') },
          ...versions.slice(1),
        ],
      }),
    ).toThrow(/sunset/);
    expect(() =>
      validatePolicy({
        ...policy,
        versions: [
          ...versions.slice(0, 2),
          { version: '2025-03-01', deprecatedAt: new Date() },
        ],
      }),
    ).toThrow(/current version/);
    expect(() =>
      validatePolicy({
        ...policy,
        changes: [{ ...CANCELED_STATUS_ADDED, version: '2025-02-01' }],
      }),
    ).toThrow(/known version/);
    expect(() =>
      validatePolicy({
        ...policy,
        versions: [{ version: '2023/10/01' }, ...versions.slice(1)],
      }),
    ).toThrow(/YYYY-MM-DD/);
  });

  describe('negotiation', () => {
    it('gives an unpinned client the current version and asks to pin it', () => {
      expect(negotiateVersion(policy, undefined, undefined, before)).toEqual({
        ok: true,
        version: '2025-03-01',
        pinNow: true,
        headers: { vary: 'api-version', 'api-version': '2025-03-01' },
      });
    });

    it('uses the account pin, and lets an explicit header override it', () => {
      const pinned = negotiateVersion(policy, undefined, '2024-06-01', before);
      expect(pinned).toMatchObject({
        ok: true,
        version: '2024-06-01',
        pinNow: false,
      });
      const overridden = negotiateVersion(
        policy,
        ' 2025-03-01 ',
        '2024-06-01',
        before,
      );
      expect(overridden).toMatchObject({
        ok: true,
        version: '2025-03-01',
        pinNow: false,
      });
      const blankHeader = negotiateVersion(policy, '', '2024-06-01', before);
      expect(blankHeader).toMatchObject({ ok: true, version: '2024-06-01' });
    });

    it('rejects an unknown version with the supported list', () => {
      const result = negotiateVersion(policy, '2024-01-01', undefined, before);
      expect(result).toEqual({
        ok: false,
        status: 400,
        message:
          'unknown API version "2024-01-01"; supported: 2023-10-01, 2024-06-01, 2025-03-01',
        headers: { vary: 'api-version' },
      });
    });

    it('rejects a malformed header without echoing it', () => {
      for (const header of [
        '<script>alert(1)</script>',
        '2024-06-01\r\nSet-Cookie: a=b',
        'x'.repeat(8_000),
      ]) {
        const result = negotiateVersion(policy, header, '2024-06-01', before);
        expect(result).toMatchObject({ ok: false, status: 400 });
        expect(result.message).not.toContain(header.slice(0, 12));
        expect(result.message.length).toBeLessThan(200);
        expect(result.headers).toEqual({ vary: 'api-version' });
      }
    });

    it('announces deprecation and sunset with RFC 9745 and RFC 8594 formats', () => {
      const result = negotiateVersion(policy, '2023-10-01', undefined, before);
      expect(result).toEqual({
        ok: true,
        version: '2023-10-01',
        pinNow: false,
        headers: {
          vary: 'api-version',
          'api-version': '2023-10-01',
          deprecation: '@1740787200',
          sunset: 'Sun, 01 Mar 2026 00:00:00 GMT',
          link: `<${POLICY_URL}>; rel="deprecation", <${POLICY_URL}>; rel="sunset"`,
        },
      });
    });

    it('retires a version at the sunset instant, still sending the links', () => {
      const justBefore = negotiateVersion(
        policy,
        '2023-10-01',
        undefined,
        new Date('2026-02-28T23:59:59.999Z'),
      );
      expect(justBefore.ok).toBe(true);
      for (const now of [
        new Date('2026-03-01T00:00:00Z'),
        new Date('2027-01-01T00:00:00Z'),
      ]) {
        const result = negotiateVersion(policy, undefined, '2023-10-01', now);
        expect(result).toMatchObject({ ok: false, status: 410 });
        expect(result.headers.link).toContain('rel="sunset"');
      }
    });
  });

  describe('response and request translation', () => {
    it('leaves a response for the current version untouched', () => {
      expect(
        renderResponse(policy, 'charge', currentCharge(), '2025-03-01'),
      ).toEqual(currentCharge());
    });

    it('undoes only the changes newer than the target version, newest first', () => {
      expect(
        renderResponse(policy, 'charge', currentCharge(), '2024-06-01'),
      ).toEqual({
        id: 'ch_1',
        amount: { value: 1250, currency: 'eur' },
        status: 'failed',
      });
      expect(
        renderResponse(policy, 'charge', currentCharge(), '2023-10-01'),
      ).toEqual({
        id: 'ch_1',
        amount: 1250,
        currency: 'eur',
        status: 'failed',
      });
    });

    it('does not touch resources a change does not declare', () => {
      const refund = {
        id: 're_1',
        amount: { value: 100, currency: 'eur' },
        status: 'canceled',
      };
      expect(renderResponse(policy, 'refund', refund, '2023-10-01')).toEqual(
        refund,
      );
    });

    it('does not mutate the handler output', () => {
      const body = currentCharge();
      renderResponse(policy, 'charge', body, '2023-10-01');
      expect(body).toEqual(currentCharge());
    });

    it('upgrades an old request to the current shape and leaves newer ones alone', () => {
      const old = { amount: 1250, currency: 'eur', customer: 'cus_1' };
      expect(upgradeRequest(policy, 'charge', old, '2023-10-01')).toEqual({
        customer: 'cus_1',
        amount: { value: 1250, currency: 'eur' },
      });
      const current = {
        amount: { value: 1250, currency: 'eur' },
        customer: 'cus_1',
      };
      expect(upgradeRequest(policy, 'charge', current, '2024-06-01')).toEqual(
        current,
      );
    });

    it('undoes two changes of the same version in the reverse of the upgrade order', () => {
      const rename = {
        version: '2024-06-01',
        description: 'amount renamed to total',
        resources: ['invoice'],
        downgradeResponse: (_r: string, { total, ...rest }: any) =>
          total === undefined ? rest : { ...rest, amount: total },
        upgradeRequest: (_r: string, { amount, ...rest }: any) =>
          amount === undefined ? rest : { ...rest, total: amount },
      };
      const nest = {
        version: '2024-06-01',
        description: 'total became { value }',
        resources: ['invoice'],
        downgradeResponse: (_r: string, body: any) =>
          typeof body.total === 'object'
            ? { ...body, total: body.total.value }
            : body,
        upgradeRequest: (_r: string, body: any) =>
          typeof body.total === 'number'
            ? { ...body, total: { value: body.total } }
            : body,
      };
      const twoInOne = {
        header: 'api-version',
        policyUrl: POLICY_URL,
        versions: [{ version: '2024-01-01' }, { version: '2024-06-01' }],
        changes: [rename, nest], // made in this order
      };
      expect(() => validatePolicy(twoInOne)).not.toThrow();
      expect(
        upgradeRequest(twoInOne, 'invoice', { amount: 5 }, '2024-01-01'),
      ).toEqual({ total: { value: 5 } });
      expect(
        renderResponse(
          twoInOne,
          'invoice',
          { total: { value: 5 } },
          '2024-01-01',
        ),
      ).toEqual({ amount: 5 });
    });

    it('round-trips the amount change: upgrade then downgrade returns the old shape', () => {
      const old = { amount: 990, currency: 'usd', customer: 'cus_2' };
      const upgraded = upgradeRequest(policy, 'charge', old, '2023-10-01');
      const echoed = AMOUNT_BECAME_OBJECT.downgradeResponse('charge', upgraded);
      expect(echoed).toEqual(old);
    });
  });
});
