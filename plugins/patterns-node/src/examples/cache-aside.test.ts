import { loadExample } from './__testUtils__/loadExample';

const {
  CacheAside,
  InMemoryLeaseCache,
  RedisLeaseCache,
  READ_LUA,
  LEASE_LUA,
  FILL_LUA,
  RELEASE_LUA,
} = loadExample('cache-aside');

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

/** A database of one table, with a load function that can be held. */
function database(rows: Record<string, string> = {}) {
  const loads: string[] = [];
  let gate: Promise<void> | undefined;
  return {
    rows,
    loads,
    hold(promise: Promise<void>) {
      gate = promise;
    },
    async load(key: string): Promise<string | undefined> {
      loads.push(key);
      const value = rows[key]; // read before waiting: this is the stale read
      const waitFor = gate;
      gate = undefined;
      if (waitFor) await waitFor;
      return value;
    },
  };
}

function setup(
  options: Record<string, unknown> = {},
  rows = { 'user:1': 'Ada' },
) {
  let t = 1_000;
  let tokens = 0;
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
  const cache = new InMemoryLeaseCache({
    now: clock.now,
    newToken: () => `L${++tokens}`,
    leaseMs: 10_000,
  });
  const db = database(rows);
  const make = (extra: Record<string, unknown> = {}) =>
    new CacheAside(cache, (key: string) => db.load(key), {
      ttlMs: 60_000,
      negativeTtlMs: 5_000,
      ttlJitter: 0,
      earlyRefreshBeta: 0,
      now: clock.now,
      random: () => 0.5,
      sleep: async (ms: number) => {
        clock.advance(ms);
        await flush();
      },
      ...options,
      ...extra,
    });
  return { cache, db, clock, aside: make(), make };
}

describe('cache-aside example', () => {
  it('loads on a miss, fills the cache and serves hits from it', async () => {
    const { db, aside } = setup();
    expect(await aside.get('user:1')).toBe('Ada');
    expect(await aside.get('user:1')).toBe('Ada');
    expect(db.loads).toEqual(['user:1']);
  });

  it('deletes the entry after a write, so the next read loads the new value', async () => {
    const { db, aside } = setup();
    await aside.get('user:1');
    await aside.write('user:1', async () => {
      db.rows['user:1'] = 'Grace';
    });
    expect(await aside.get('user:1')).toBe('Grace');
    expect(db.loads).toHaveLength(2);
  });

  it('refuses a stale fill that raced with a write and its invalidation', async () => {
    const { db, aside, make } = setup();
    const held = deferred<void>();
    db.hold(held.promise);

    const reader = aside.get('user:1'); // misses, takes lease L1, reads "Ada" and stalls
    await flush();
    const writer = make();
    await writer.write('user:1', async () => {
      db.rows['user:1'] = 'Grace';
    }); // commits, then deletes the key and revokes L1
    held.resolve();
    expect(await reader).toBe('Ada'); // the reader's own answer is the value it read
    expect(aside.counters.refusedFills).toBe(1);

    expect(await aside.get('user:1')).toBe('Grace'); // the stale value was never cached
  });

  it('does not let a read that starts after a write join a load that began before it', async () => {
    const { db, aside } = setup();
    const held = deferred<void>();
    db.hold(held.promise);
    const before = aside.get('user:1'); // misses, reads "Ada", stalls
    await flush();

    await aside.write('user:1', async () => {
      db.rows['user:1'] = 'Grace';
    });
    const heldAgain = deferred<void>();
    db.hold(heldAgain.promise);
    const after = aside.get('user:1'); // must load again, not share the old load
    await flush();
    held.resolve();
    expect(await before).toBe('Ada'); // its own answer predates the write
    const joined = aside.get('user:1'); // still coalesces with the newer load
    heldAgain.resolve();
    expect(await after).toBe('Grace');
    expect(await joined).toBe('Grace');
    expect(db.loads).toHaveLength(2);
    expect(await aside.get('user:1')).toBe('Grace'); // and "Grace" is what got cached
    expect(db.loads).toHaveLength(2);
  });

  it('reports a committed write as done even when the cache delete fails', async () => {
    const { db, cache, aside } = setup();
    await aside.get('user:1');
    cache.invalidate = async () => {
      throw new Error('ECONNRESET');
    };
    const result = await aside.write('user:1', async () => {
      db.rows['user:1'] = 'Grace';
      return 'committed';
    });
    expect(result).toBe('committed'); // the caller must not retry a write that happened
    expect(aside.counters.failedInvalidations).toBe(1);
  });

  it('gives the lease back when a load fails, so the next reader fills instead of waiting', async () => {
    const { cache, clock } = setup();
    let calls = 0;
    const make = () =>
      new CacheAside(
        cache,
        async () => {
          calls++;
          if (calls === 1) throw new Error('transient');
          return 'Ada';
        },
        {
          ttlMs: 60_000,
          negativeTtlMs: 1_000,
          earlyRefreshBeta: 0,
          maxWaitMs: 50,
          pollMs: 10,
          now: clock.now,
          sleep: async (ms: number) => {
            clock.advance(ms);
            await flush();
          },
        },
      );
    const first = make();
    const other = make(); // another process sharing the cache
    await expect(first.get('user:1')).rejects.toThrow('transient');
    expect(await other.get('user:1')).toBe('Ada');
    expect(await other.get('user:1')).toBe('Ada'); // a hit
    expect(calls).toBe(2);
    expect(other.counters.waitTimeouts).toBe(0);
  });

  it('does not accumulate the leases of holders that never fill', async () => {
    let t = 0;
    const cache = new InMemoryLeaseCache({
      maxEntries: 10,
      leaseMs: 100,
      now: () => t,
    });
    for (let i = 0; i < 1_000; i++) {
      await cache.read(`k${i}`); // each miss hands out a lease that is never used
      t += 1;
    }
    // at most the leases still live (granted in the last 100 ms) plus the bound
    expect((cache as any).leases.size).toBeLessThanOrEqual(111);
  });

  it('bounds a load, so one hung query does not hold every coalesced reader', async () => {
    const { db, cache, clock } = setup();
    let hang = true;
    const aside = new CacheAside(
      cache,
      async (key: string) =>
        hang ? new Promise<string>(() => undefined) : db.load(key),
      {
        ttlMs: 60_000,
        negativeTtlMs: 1_000,
        earlyRefreshBeta: 0,
        loadTimeoutMs: 20,
        now: clock.now,
      },
    );
    const readers = Array.from({ length: 3 }, () =>
      aside.get('user:1').then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    const outcome = await Promise.race([
      Promise.all(readers),
      new Promise(resolve => setTimeout(() => resolve('still hanging'), 1_000)),
    ]);
    expect(outcome).toEqual([
      expect.stringMatching(/timed out/),
      expect.stringMatching(/timed out/),
      expect.stringMatching(/timed out/),
    ]);
    hang = false;
    expect(await aside.get('user:1')).toBe('Ada'); // the lease was given back: no wait, and a fill
    expect(await aside.get('user:1')).toBe('Ada');
    expect(db.loads).toEqual(['user:1']);
  });

  it('coalesces concurrent misses in one process into one load', async () => {
    const { db, aside } = setup();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => aside.get('user:1')),
    );
    expect(new Set(results)).toEqual(new Set(['Ada']));
    expect(db.loads).toHaveLength(1);
  });

  it('makes another process wait for the lease holder instead of loading too', async () => {
    const { db, aside, make } = setup({ maxWaitMs: 1_000, pollMs: 10 });
    const held = deferred<void>();
    db.hold(held.promise);
    const other = make();

    const first = aside.get('user:1');
    await flush();
    const second = other.get('user:1'); // sees "wait" and polls
    await flush();
    held.resolve();
    expect(await Promise.all([first, second])).toEqual(['Ada', 'Ada']);
    expect(db.loads).toHaveLength(1);
  });

  it('stops waiting after maxWaitMs and reads the database without filling', async () => {
    const { db, cache, aside, make } = setup({ maxWaitMs: 50, pollMs: 10 });
    db.hold(new Promise(() => undefined)); // the lease holder never finishes
    aside.get('user:1').catch(() => undefined); // fails once its load times out
    await flush();
    const other = make();
    expect(await other.get('user:1')).toBe('Ada');
    expect(other.counters.waitTimeouts).toBe(1);
    expect(await cache.read('user:1')).toEqual({ kind: 'wait' }); // still not filled
  });

  it("lets a new caller fill once a dead holder's lease expires", async () => {
    const { db, clock, aside, make } = setup({ maxWaitMs: 0 });
    db.hold(new Promise(() => undefined));
    aside.get('user:1').catch(() => undefined); // fails once its load times out
    await flush();
    clock.advance(10_000);
    const other = make();
    expect(await other.get('user:1')).toBe('Ada');
    expect(await other.get('user:1')).toBe('Ada');
    expect(db.loads).toHaveLength(2); // the stuck one and the new filler, not one per read
  });

  it('caches "not found" for the negative TTL', async () => {
    const { db, clock, aside } = setup();
    expect(await aside.get('user:404')).toBeUndefined();
    expect(await aside.get('user:404')).toBeUndefined();
    expect(db.loads).toEqual(['user:404']);
    clock.advance(5_000);
    db.rows['user:404'] = 'Created';
    expect(await aside.get('user:404')).toBe('Created');
  });

  it('deletes a negative entry when a write creates the row', async () => {
    const { db, aside } = setup();
    await aside.get('user:2');
    await aside.write('user:2', async () => {
      db.rows['user:2'] = 'Linus';
    });
    expect(await aside.get('user:2')).toBe('Linus');
  });

  it('jitters TTLs into [ttl * (1 - jitter), ttl]', async () => {
    const fills: number[] = [];
    for (const r of [0, 0.5, 0.999]) {
      const { cache, aside } = setup({ ttlJitter: 0.2, random: () => r });
      const fill = cache.fill.bind(cache);
      cache.fill = async (
        key: string,
        token: string,
        entry: any,
        ttlMs: number,
      ) => {
        fills.push(ttlMs);
        return fill(key, token, entry, ttlMs);
      };
      await aside.get('user:1');
    }
    expect(fills).toEqual([60_000, 54_000, 48_012]);
  });

  it('refreshes early with XFetch close to expiry, and not long before', async () => {
    const { db, clock, cache } = setup();
    let loads = 0;
    const timedLoad = async (key: string) => {
      loads++;
      clock.advance(100); // every recompute takes 100 ms
      return db.rows[key];
    };
    const aside = new CacheAside(cache, timedLoad, {
      ttlMs: 60_000,
      negativeTtlMs: 1_000,
      ttlJitter: 0,
      earlyRefreshBeta: 1,
      now: clock.now,
      random: () => 0.5, // rand = 1 - 0.5, so refresh within 100 * ln 2 = 69 ms of expiry
    });
    await aside.get('user:1'); // filled at t = 1100, expires at 61100
    clock.advance(60_000 - 80); // 80 ms before expiry: too early
    expect(await aside.get('user:1')).toBe('Ada');
    expect(loads).toBe(1);

    clock.advance(20); // 60 ms before expiry
    db.rows['user:1'] = 'Ada Lovelace';
    expect(await aside.get('user:1')).toBe('Ada Lovelace');
    expect(aside.counters.earlyRefreshes).toBe(1);
    expect(loads).toBe(2);
  });

  it('serves the cached value when an early refresh fails', async () => {
    const { clock, cache } = setup();
    let fail = false;
    const aside = new CacheAside(
      cache,
      async () => {
        clock.advance(100);
        if (fail) throw new Error('db down');
        return 'Ada';
      },
      {
        ttlMs: 60_000,
        negativeTtlMs: 1_000,
        ttlJitter: 0,
        earlyRefreshBeta: 1,
        now: clock.now,
        random: () => 0.5,
      },
    );
    await aside.get('user:1');
    fail = true;
    clock.advance(59_950); // inside the early-refresh band
    expect(await aside.get('user:1')).toBe('Ada');
    expect(aside.counters.earlyRefreshes).toBe(1);
  });

  it('falls back to the database when the cache is down', async () => {
    const { db } = setup();
    const broken = {
      read: async () => {
        throw new Error('ECONNREFUSED');
      },
      lease: async () => undefined,
      fill: async () => false,
      invalidate: async () => undefined,
    };
    const aside = new CacheAside(broken, (key: string) => db.load(key), {
      ttlMs: 1,
      negativeTtlMs: 1,
    });
    expect(await aside.get('user:1')).toBe('Ada');
    expect(aside.counters.cacheErrors).toBe(1);
  });

  it('does not cache a failed load', async () => {
    const { cache, clock } = setup();
    let fail = true;
    const aside = new CacheAside(
      cache,
      async () => {
        if (fail) throw new Error('timeout');
        return 'Ada';
      },
      {
        ttlMs: 60_000,
        negativeTtlMs: 1_000,
        now: clock.now,
        earlyRefreshBeta: 0,
      },
    );
    await expect(aside.get('user:1')).rejects.toThrow('timeout');
    fail = false;
    clock.advance(10_000); // the failed caller's lease expires
    expect(await aside.get('user:1')).toBe('Ada');
  });

  it('bounds the in-memory cache to maxEntries, dropping the oldest fill first', async () => {
    let n = 0;
    const cache = new InMemoryLeaseCache({
      maxEntries: 2,
      now: () => 0,
      newToken: () => `t${++n}`,
    });
    const entry = (value: string) => ({ value, expiresAt: 100, computeMs: 1 });
    for (const key of ['a', 'b', 'c']) {
      const read = await cache.read(key);
      expect(await cache.fill(key, read.token, entry(key), 100)).toBe(true);
    }
    expect((await cache.read('a')).kind).toBe('lease');
    expect((await cache.read('b')).kind).toBe('hit');
    expect((await cache.read('c')).kind).toBe('hit');
  });

  describe('RedisLeaseCache', () => {
    /** Executes the example's scripts with Redis semantics (GET/SET NX PX/DEL) on a map. */
    function fakeRedis() {
      const data = new Map<string, { value: string; until: number }>();
      let t = 0;
      const get = (k: string) => {
        const e = data.get(k);
        return e && e.until > t ? e.value : undefined;
      };
      return {
        data,
        advance: (ms: number) => {
          t += ms;
        },
        async evalScript(script: string, keys: string[], args: string[]) {
          const [valueKey, leaseKey] = keys;
          const setNx = () => {
            if (get(leaseKey) !== undefined) return false;
            data.set(leaseKey, { value: args[0], until: t + Number(args[1]) });
            return true;
          };
          if (script === READ_LUA) {
            const value = get(valueKey);
            if (value !== undefined) return ['hit', value];
            return setNx() ? ['lease', args[0]] : ['wait'];
          }
          if (script === LEASE_LUA) return setNx() ? args[0] : null;
          if (script === FILL_LUA) {
            if (get(leaseKey) !== args[0]) return 0;
            data.set(valueKey, { value: args[1], until: t + Number(args[2]) });
            data.delete(leaseKey);
            return 1;
          }
          if (script === RELEASE_LUA) {
            // one key: the lease
            if (get(valueKey) !== args[0]) return 0;
            data.delete(valueKey);
            return 1;
          }
          throw new Error('unknown script');
        },
        async del(keys: string[]) {
          for (const k of keys) data.delete(k);
          return keys.length;
        },
      };
    }

    it('implements the lease protocol over two hash-tagged keys', async () => {
      const redis = fakeRedis();
      let n = 0;
      const cache = new RedisLeaseCache(redis, { newToken: () => `t${++n}` });
      const entry = { value: 'Ada', expiresAt: 99, computeMs: 3 };

      expect(await cache.read('user:1')).toEqual({
        kind: 'lease',
        token: 't1',
      });
      expect(await cache.read('user:1')).toEqual({ kind: 'wait' });
      expect([...redis.data.keys()]).toEqual(['lease:{user:1}']);

      await cache.invalidate('user:1');
      expect(await cache.fill('user:1', 't1', entry, 60_000)).toBe(false);

      expect(await cache.read('user:1')).toEqual({
        kind: 'lease',
        token: 't3',
      });
      expect(await cache.fill('user:1', 't3', entry, 60_000)).toBe(true);
      expect(await cache.read('user:1')).toEqual({ kind: 'hit', entry });
      expect(await cache.lease('user:1')).toBe('t5');
      expect(await cache.lease('user:1')).toBeUndefined();
    });

    it('releases a lease only for its holder', async () => {
      const redis = fakeRedis();
      let n = 0;
      const cache = new RedisLeaseCache(redis, { newToken: () => `t${++n}` });
      expect(await cache.read('user:1')).toEqual({ kind: 'lease', token: 't1' });
      await cache.release('user:1', 'not-mine');
      expect(await cache.read('user:1')).toEqual({ kind: 'wait' });
      await cache.release('user:1', 't1');
      expect(await cache.read('user:1')).toEqual({ kind: 'lease', token: 't3' });
    });

    it('works as the cache behind CacheAside', async () => {
      const db = database({ 'user:1': 'Ada' });
      const aside = new CacheAside(
        new RedisLeaseCache(fakeRedis()),
        (key: string) => db.load(key),
        { ttlMs: 60_000, negativeTtlMs: 1_000, earlyRefreshBeta: 0 },
      );
      expect(await aside.get('user:1')).toBe('Ada');
      expect(await aside.get('user:1')).toBe('Ada');
      expect(db.loads).toHaveLength(1);
    });
  });
});
