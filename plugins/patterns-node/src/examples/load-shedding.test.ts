import { loadExample } from './__testUtils__/loadExample';

const {
  LoadShedder,
  FixedLimit,
  GradientLimit,
  GRADIENT2_DEFAULTS,
  ShedError,
  sheddingHandler,
  classify,
} = loadExample('load-shedding');

/** A clock and timer the test moves by hand. */
function fakeTime() {
  let t = 0;
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  return {
    now: () => t,
    setTimer(fn: () => void, ms: number) {
      const timer = { at: t + ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    advance(ms: number) {
      t += ms;
      for (const timer of timers
        .filter(x => !x.cancelled && x.at <= t)
        .sort((x, y) => x.at - y.at)) {
        timer.cancelled = true;
        timer.fn();
      }
    },
    pending: () => timers.filter(x => !x.cancelled).length,
  };
}

function shedder(options: Record<string, unknown> = {}) {
  const time = fakeTime();
  const s = new LoadShedder({
    limit: new FixedLimit(2),
    now: time.now,
    setTimer: time.setTimer,
    ...options,
  });
  return { s, time };
}

/** Records how a pending acquire settles, without awaiting it. */
function track(promise: Promise<any>) {
  const state: { permit?: any; error?: any } = {};
  promise.then(
    permit => {
      state.permit = permit;
    },
    error => {
      state.error = error;
    },
  );
  return state;
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('load-shedding example', () => {
  it('admits up to the limit and sheds the rest at once when there is no queue', async () => {
    const { s } = shedder();
    await s.acquire({ priority: 'CRITICAL' });
    await s.acquire({ priority: 'CRITICAL' });
    await expect(s.acquire({ priority: 'CRITICAL' })).rejects.toMatchObject({
      reason: 'over-limit',
    });
    expect(s.inFlight).toBe(2);
    expect(s.counters).toEqual({ admitted: 2, rejected: { 'over-limit': 1 } });
  });

  it('gives each priority only its share of the limit', async () => {
    const { s } = shedder({ limit: new FixedLimit(10) });
    for (let i = 0; i < 5; i++) await s.acquire({ priority: 'BULK' });
    await expect(s.acquire({ priority: 'BULK' })).rejects.toBeInstanceOf(
      ShedError,
    );
    // BEST_EFFORT may fill 75% of 10, rounded up: 8
    for (let i = 0; i < 3; i++) await s.acquire({ priority: 'BEST_EFFORT' });
    await expect(s.acquire({ priority: 'BEST_EFFORT' })).rejects.toThrow(
      /over-limit/,
    );
    await s.acquire({ priority: 'DEGRADED' }); // 90%: 9
    await expect(s.acquire({ priority: 'DEGRADED' })).rejects.toThrow(
      /over-limit/,
    );
    await s.acquire({ priority: 'CRITICAL' });
    expect(s.inFlight).toBe(10);
    await expect(s.acquire({ priority: 'CRITICAL' })).rejects.toThrow(
      /over-limit/,
    );
  });

  it('queues a request and admits it when a permit is released', async () => {
    const { s } = shedder({ limit: new FixedLimit(1), maxQueue: 5 });
    const first = await s.acquire({ priority: 'DEGRADED' });
    const waiting = track(s.acquire({ priority: 'DEGRADED' }));
    await flush();
    expect(waiting.permit).toBeUndefined();
    expect(s.queued).toBe(1);

    first.release();
    await flush();
    expect(waiting.permit).toBeDefined();
    expect(s.inFlight).toBe(1);
    expect(s.queued).toBe(0);
  });

  it('rejects a queued request after the maximum queue time and never admits it later', async () => {
    const { s, time } = shedder({
      limit: new FixedLimit(1),
      maxQueue: 5,
      maxQueueMs: 100,
    });
    const first = await s.acquire({ priority: 'DEGRADED' });
    const waiting = track(s.acquire({ priority: 'DEGRADED' }));
    time.advance(100);
    await flush();
    expect(waiting.error).toMatchObject({ reason: 'queue-timeout' });
    expect(s.queued).toBe(0);

    first.release();
    expect(s.inFlight).toBe(0); // nobody was admitted in its place
  });

  it('drops work whose client deadline has passed, before and while it waits', async () => {
    const { s, time } = shedder({
      limit: new FixedLimit(1),
      maxQueue: 5,
      maxQueueMs: 1_000,
    });
    await expect(
      s.acquire({ priority: 'CRITICAL', deadline: 0 }),
    ).rejects.toMatchObject({ reason: 'deadline' });

    const first = await s.acquire({ priority: 'CRITICAL' });
    const waiting = track(s.acquire({ priority: 'CRITICAL', deadline: 50 }));
    time.advance(50);
    await flush();
    expect(waiting.error).toMatchObject({ reason: 'deadline' });
    first.release();
    expect(s.inFlight).toBe(0);
  });

  it('does not admit an expired waiter even if its timer has not fired yet', async () => {
    let t = 0;
    const s = new LoadShedder({
      limit: new FixedLimit(1),
      maxQueue: 5,
      maxQueueMs: 100,
      now: () => t,
      setTimer: () => () => {}, // timers never fire
    });
    const first = await s.acquire({ priority: 'DEGRADED' });
    const stale = track(s.acquire({ priority: 'DEGRADED' }));
    t = 150;
    const fresh = track(s.acquire({ priority: 'DEGRADED' }));
    first.release();
    await flush();
    expect(stale.error).toMatchObject({ reason: 'queue-timeout' });
    expect(fresh.permit).toBeDefined();
  });

  it('admits higher priorities first', async () => {
    const { s } = shedder({ limit: new FixedLimit(1), maxQueue: 5 });
    const first = await s.acquire({ priority: 'CRITICAL' });
    const bulk = track(s.acquire({ priority: 'BULK' }));
    const critical = track(s.acquire({ priority: 'CRITICAL' }));
    first.release();
    await flush();
    expect(critical.permit).toBeDefined();
    expect(bulk.permit).toBeUndefined();
  });

  it('does not let a newcomer overtake waiters of the same priority', async () => {
    const { s } = shedder({ limit: new FixedLimit(1), maxQueue: 5 });
    const first = await s.acquire({ priority: 'DEGRADED' });
    const queued = track(s.acquire({ priority: 'DEGRADED' }));
    first.release();
    const newcomer = track(s.acquire({ priority: 'DEGRADED' }));
    await flush();
    expect(queued.permit).toBeDefined();
    expect(newcomer.permit).toBeUndefined();
  });

  it('serves FIFO while the queue drains quickly and newest first once a standing queue forms', async () => {
    const { s, time } = shedder({
      limit: new FixedLimit(1),
      maxQueue: 10,
      maxQueueMs: 10_000,
      lifoAfterMs: 20,
    });
    let permit = await s.acquire({ priority: 'DEGRADED' });
    const order: string[] = [];
    const wait = (name: string) =>
      s.acquire({ priority: 'DEGRADED' }).then((p: any) => {
        order.push(name);
        permit = p;
      });
    void wait('a');
    void wait('b');
    permit.release(); // the oldest has waited 0 ms: FIFO
    await flush();
    expect(order).toEqual(['a']);

    time.advance(5);
    void wait('c');
    void wait('d');
    time.advance(30); // b has now waited 35 ms: a standing queue
    permit.release();
    await flush();
    expect(order).toEqual(['a', 'd']);
  });

  it('evicts the lowest-priority waiter to make room for a more important request', async () => {
    const { s } = shedder({ limit: new FixedLimit(1), maxQueue: 2 });
    await s.acquire({ priority: 'CRITICAL' });
    const bulk1 = track(s.acquire({ priority: 'BULK' }));
    const bulk2 = track(s.acquire({ priority: 'BULK' }));
    const critical = track(s.acquire({ priority: 'CRITICAL' }));
    await flush();
    expect(bulk1.error).toMatchObject({ reason: 'evicted' });
    expect(bulk2.error).toBeUndefined();
    expect(critical.error).toBeUndefined();
    expect(s.queued).toBe(2);

    await expect(s.acquire({ priority: 'BULK' })).rejects.toMatchObject({
      reason: 'queue-full',
    });
  });

  it('ignores a second release of the same permit', async () => {
    const { s } = shedder();
    const p = await s.acquire({ priority: 'CRITICAL' });
    await s.acquire({ priority: 'CRITICAL' });
    p.release();
    p.release();
    expect(s.inFlight).toBe(1);
  });

  it('releases the permit when the work throws', async () => {
    const { s } = shedder({ limit: new FixedLimit(1) });
    await expect(
      s.run({ priority: 'CRITICAL' }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(s.inFlight).toBe(0);
    expect(await s.run({ priority: 'CRITICAL' }, async () => 42)).toBe(42);
  });

  describe('GradientLimit', () => {
    it('starts from the concurrency-limits 0.5.4 defaults', () => {
      expect(GRADIENT2_DEFAULTS).toEqual({
        initialLimit: 20,
        minLimit: 20,
        maxLimit: 200,
        rttTolerance: 1.5,
        smoothing: 0.2,
        queueSize: 4,
        longWindow: 600,
      });
      expect(new GradientLimit().limit).toBe(20);
    });

    it('grows toward the maximum while latency is stable and the limit is used', () => {
      const limit = new GradientLimit();
      for (let i = 0; i < 300; i++) limit.onSample(10, limit.limit);
      expect(limit.limit).toBe(200);
    });

    it('does not grow while less than half of the limit is in use', () => {
      const limit = new GradientLimit({ initialLimit: 50 });
      for (let i = 0; i < 100; i++) limit.onSample(10, 10);
      expect(limit.limit).toBe(50);
    });

    it('shrinks when short-term latency rises well above the long-term average, but not below the minimum', () => {
      const limit = new GradientLimit({ initialLimit: 100, minLimit: 10 });
      for (let i = 0; i < 50; i++) limit.onSample(10, 100);
      const before = limit.limit;
      for (let i = 0; i < 5; i++) limit.onSample(40, 100);
      expect(limit.limit).toBeLessThan(before);
      for (let i = 0; i < 55; i++) limit.onSample(1_000, 100);
      expect(limit.limit).toBe(10);
    });

    it('tolerates latency up to rttTolerance times the long-term average', () => {
      const limit = new GradientLimit({ initialLimit: 100 });
      for (let i = 0; i < 20; i++) limit.onSample(10, 100);
      const before = limit.limit;
      limit.onSample(14, 100); // 1.4x: within the 1.5x tolerance, so the gradient stays 1
      expect(limit.limit).toBeGreaterThanOrEqual(before);
    });

    it('ignores empty samples', () => {
      const limit = new GradientLimit();
      limit.onSample(0, 20);
      expect(limit.limit).toBe(20);
      expect(limit.longRttMs).toBe(0);
    });
  });

  it('feeds the adaptive limit one averaged sample per window', async () => {
    const time = fakeTime();
    const samples: Array<[number, number, boolean]> = [];
    const s = new LoadShedder({
      limit: {
        limit: 4,
        onSample: (rtt: number, inflight: number, didDrop: boolean) =>
          samples.push([rtt, inflight, didDrop]),
      },
      windowMs: 100,
      minWindowSamples: 2,
      now: time.now,
      setTimer: time.setTimer,
    });
    const a = await s.acquire({ priority: 'CRITICAL' });
    const b = await s.acquire({ priority: 'CRITICAL' });
    time.advance(40);
    a.release();
    expect(samples).toEqual([]); // window not over yet
    time.advance(80);
    b.release({ ignored: true }); // failed before doing work: not a latency sample
    expect(samples).toEqual([]); // only one sample so far
    const c = await s.acquire({ priority: 'CRITICAL' });
    time.advance(20);
    c.release();
    expect(samples).toEqual([[30, 2, false]]); // mean of 40 and 20 ms, peak of 2 in flight
  });

  it('counts timed-out requests as latency samples, flagged as drops', async () => {
    const time = fakeTime();
    const samples: Array<[number, number, boolean]> = [];
    const s = new LoadShedder({
      limit: {
        limit: 4,
        onSample: (rtt: number, inflight: number, didDrop: boolean) =>
          samples.push([rtt, inflight, didDrop]),
      },
      windowMs: 100,
      minWindowSamples: 2,
      now: time.now,
      setTimer: time.setTimer,
    });
    const a = await s.acquire({ priority: 'CRITICAL' });
    const b = await s.acquire({ priority: 'CRITICAL' });
    time.advance(1_000); // the dependency hangs; both time out
    a.release({ dropped: true });
    b.release({ dropped: true });
    expect(samples).toEqual([[1_000, 2, true]]);
  });

  it('lowers an adaptive limit when every request starts timing out', async () => {
    const time = fakeTime();
    const limit = new GradientLimit({ initialLimit: 40, minLimit: 4 });
    const s = new LoadShedder({
      limit,
      windowMs: 100,
      minWindowSamples: 10,
      now: time.now,
      setTimer: time.setTimer,
    });
    /** Fills the limit, lets the work take latencyMs, then releases it all. */
    const window = async (latencyMs: number, dropped: boolean) => {
      const held = [];
      for (let i = 0; i < limit.limit; i++) {
        held.push(await s.acquire({ priority: 'CRITICAL' }));
      }
      time.advance(latencyMs);
      for (const p of held) p.release({ dropped });
    };
    for (let i = 0; i < 30; i++) await window(10, false);
    const healthy = limit.limit;
    for (let i = 0; i < 30; i++) await window(1_000, true); // a hung dependency: all time out
    expect(limit.limit).toBeLessThan(healthy);
  });

  describe('HTTP adapter', () => {
    const ok = async () => ({ status: 200, headers: {}, body: 'ok' });

    it('classifies from trusted caller information', () => {
      expect(
        classify({ path: '/reports', headers: {}, caller: { kind: 'batch' } }),
      ).toBe('BULK');
      expect(
        classify({ path: '/checkout', headers: {}, caller: { kind: 'user' } }),
      ).toBe('CRITICAL');
      expect(
        classify({
          path: '/titles',
          headers: { 'x-prefetch': '1' },
          caller: { kind: 'user' },
        }),
      ).toBe('BEST_EFFORT');
      expect(
        classify({
          path: '/titles',
          headers: { 'x-priority': 'CRITICAL' },
          caller: { kind: 'user' },
        }),
      ).toBe('DEGRADED');
    });

    it('answers 503 with Retry-After when shedding and never sheds health checks', async () => {
      const { s } = shedder({ limit: new FixedLimit(0), retryAfterMs: 2_500 });
      const handle = sheddingHandler(s, ok);
      const shed = await handle({
        path: '/titles',
        headers: {},
        caller: { kind: 'user' },
      });
      expect(shed.status).toBe(503);
      expect(shed.headers['retry-after']).toBe('3');
      expect(JSON.parse(shed.body)).toEqual({
        error: 'overloaded',
        reason: 'over-limit',
      });
      const health = await handle({
        path: '/healthz',
        headers: {},
        caller: { kind: 'internal' },
      });
      expect(health.status).toBe(200);
    });
  });
});
