import { createHash } from 'node:crypto';
import { loadExample } from './__testUtils__/loadExample';

const { FlagEvaluator, bucketFor, overdueFlags, LastKnownGoodSource } = loadExample('feature-flags');

function flag(overrides: Record<string, unknown> = {}) {
  return {
    key: 'new-checkout',
    category: 'release',
    owner: 'team-checkout',
    expiresAt: '2030-01-01',
    enabled: true,
    variants: { on: true, off: false },
    offVariant: 'off',
    defaultVariant: 'off',
    rules: [],
    ...overrides,
  };
}

function sourceOf(...flags: Array<Record<string, any>>) {
  const byKey = new Map(flags.map(f => [f.key, f]));
  return { get: (key: string) => byKey.get(key) };
}

/** A targeting key whose bucket for `flagKey` satisfies `wanted`, found by search. */
function keyWithBucket(flagKey: string, wanted: (bucket: number) => boolean): string {
  for (let i = 0; i < 1_000_000; i++) {
    const key = `user-${i}`;
    if (wanted(bucketFor(flagKey, key))) return key;
  }
  throw new Error('no key found');
}

describe('feature flags example', () => {
  it('the kill switch wins over targeting rules', () => {
    const evaluator = new FlagEvaluator(
      sourceOf(
        flag({
          enabled: false,
          rules: [{ id: 'staff', conditions: [{ attribute: 'staff', op: 'eq', value: true }], variant: 'on' }],
        }),
      ),
    );
    const details = evaluator.getBooleanDetails('new-checkout', true, { staff: true });
    expect(details).toMatchObject({ value: false, reason: 'DISABLED' });
  });

  it('gives the same user the same bucket every time, in [0, 10000)', () => {
    const a = bucketFor('new-checkout', 'user-42');
    expect(bucketFor('new-checkout', 'user-42')).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(10_000);
  });

  it('does not let the key separator make different (flag, user) pairs collide', () => {
    expect(bucketFor('a:b', 'c')).not.toBe(bucketFor('a', 'b:c'));
  });

  it('uses more than 32 bits of the digest (no 32-bit modulo bias)', () => {
    const digest = createHash('sha256').update(JSON.stringify(['f', 'u'])).digest();
    expect(bucketFor('f', 'u')).toBe(Number(digest.readBigUInt64BE(0) % 10_000n));
  });

  it('covers every bucket when weights are thirds (no gap at bucket 9999)', () => {
    const thirds = flag({
      variants: { a: 'a', b: 'b', c: 'c' },
      defaultVariant: 'a',
      offVariant: 'a',
      rollout: {
        buckets: [
          { variant: 'a', weight: 100 / 3 },
          { variant: 'b', weight: 100 / 3 },
          { variant: 'c', weight: 100 / 3 },
        ],
      },
    });
    const evaluator = new FlagEvaluator(sourceOf(thirds));
    const user = keyWithBucket('new-checkout', b => b === 9_999);
    const details = evaluator.getStringDetails('new-checkout', 'fallback', { targetingKey: user });
    expect(details).toMatchObject({ value: 'c', reason: 'SPLIT' });
  });

  it('rejects a split that does not add up to 100 for every user, not only for those in the gap', () => {
    const broken = flag({
      rollout: {
        buckets: [
          { variant: 'on', weight: 10 },
          { variant: 'off', weight: 80 },
        ],
      },
    });
    const evaluator = new FlagEvaluator(sourceOf(broken));
    const user = keyWithBucket('new-checkout', b => b < 1_000);
    const details = evaluator.getBooleanDetails('new-checkout', false, { targetingKey: user });
    expect(details).toMatchObject({ value: false, reason: 'ERROR', errorCode: 'PARSE_ERROR' });
  });

  it('keeps users who had the feature when the percentage grows', () => {
    const at = (weight: number) =>
      new FlagEvaluator(
        sourceOf(
          flag({
            rollout: {
              buckets: [
                { variant: 'on', weight },
                { variant: 'off', weight: 100 - weight },
              ],
            },
          }),
        ),
      );
    for (let i = 0; i < 500; i++) {
      const ctx = { targetingKey: `u-${i}` };
      const inAtTen = at(10).getBoolean('new-checkout', false, ctx);
      // Whoever is in at 10% stays in at 50%.
      expect(!inAtTen || at(50).getBoolean('new-checkout', false, ctx)).toBe(true);
    }
  });

  it('does not resolve a variant name through Object.prototype', () => {
    const evaluator = new FlagEvaluator(
      sourceOf(flag({ rules: [{ id: 'r', conditions: [{ attribute: 'x', op: 'eq', value: 1 }], variant: 'constructor' }] })),
    );
    const details = evaluator.getBooleanDetails('new-checkout', true, { x: 1 });
    expect(details).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'PARSE_ERROR' });
  });

  it('returns the caller default instead of throwing when the source throws', () => {
    const evaluator = new FlagEvaluator({
      get: () => {
        throw new Error('flag service down');
      },
    });
    expect(evaluator.getBooleanDetails('new-checkout', true)).toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
  });

  it('reports release and experiment toggles without an expiry date as overdue', () => {
    const now = () => Date.parse('2026-01-01');
    const overdue = overdueFlags(
      [
        flag({ key: 'rel', category: 'release', expiresAt: undefined }),
        flag({ key: 'exp', category: 'experiment', expiresAt: undefined }),
        flag({ key: 'ops', category: 'ops', expiresAt: undefined }),
        flag({ key: 'old', category: 'release', expiresAt: '2025-06-01' }),
        flag({ key: 'new', category: 'release', expiresAt: '2026-06-01' }),
      ],
      now,
    ).map((f: { key: string }) => f.key);
    expect(overdue.sort()).toEqual(['exp', 'old', 'rel']);
  });

  describe('LastKnownGoodSource', () => {
    function manualTimers() {
      const pending = new Set<() => void>();
      return {
        setTimeout: (cb: () => void) => {
          pending.add(cb);
          return cb;
        },
        clearTimeout: (handle: unknown) => void pending.delete(handle as () => void),
        fireAll: () => [...pending].forEach(cb => cb()),
      };
    }

    it('is not ready before the first load, and the evaluator answers PROVIDER_NOT_READY', () => {
      const timers = manualTimers();
      const source = new LastKnownGoodSource({ fetchAll: async () => [] }, () => 0, 1_000, timers);
      const details = new FlagEvaluator(source).getBooleanDetails('new-checkout', false);
      expect(source.isReady()).toBe(false);
      expect(details).toMatchObject({ value: false, errorCode: 'PROVIDER_NOT_READY' });
    });

    it('keeps serving the last good definitions when a refresh fails', async () => {
      let time = 0;
      let fail = false;
      const timers = manualTimers();
      const source = new LastKnownGoodSource(
        {
          fetchAll: async () => {
            if (fail) throw new Error('503');
            return [flag({ defaultVariant: 'on' })];
          },
        },
        () => time,
        1_000,
        timers,
      );
      await expect(source.refresh()).resolves.toBe(true);
      fail = true;
      time = 60_000;
      await expect(source.refresh()).resolves.toBe(false);
      expect(new FlagEvaluator(source).getBoolean('new-checkout', false)).toBe(true);
      expect(source.ageMs()).toBe(60_000);
    });

    it('gives up on a hung fetch after the timeout and aborts it', async () => {
      const timers = manualTimers();
      let signal: AbortSignal | undefined;
      const source = new LastKnownGoodSource(
        {
          fetchAll: (s: AbortSignal) => {
            signal = s;
            return new Promise(() => {});
          },
        },
        () => 0,
        1_000,
        timers,
      );
      const refreshed = source.refresh();
      timers.fireAll();
      await expect(refreshed).resolves.toBe(false);
      expect(signal?.aborted).toBe(true);
      expect(source.isReady()).toBe(false);
    });
  });
});
