import { loadExample } from './__testUtils__/loadExample';

const { HealthMonitor, createHealthHandler, startOrdersService } = loadExample(
  'health-endpoint-monitoring',
);

/** A manual clock with timers that fire only when the test advances time. */
function fakeTime() {
  let now = 1_000_000;
  let timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  return {
    now: () => now,
    setTimer(fn: () => void, ms: number) {
      const timer = { at: now + ms, fn, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    /** A wall-clock step backwards, as an NTP correction can make. */
    rewind(ms: number) {
      now -= ms;
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter(t => !t.cancelled && t.at <= now);
      timers = timers.filter(t => !due.includes(t));
      due.forEach(t => t.fn());
    },
    pending: () => timers.filter(t => !t.cancelled).length,
  };
}

async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A dependency check whose outcome the test controls. */
function controlledCheck(name: string, critical: boolean, timeoutMs = 500) {
  const state = {
    calls: 0,
    mode: 'pass' as 'pass' | 'fail' | 'hang' | 'throw',
    signals: [] as AbortSignal[],
  };
  const check = {
    name,
    critical,
    timeoutMs,
    run(signal: AbortSignal) {
      state.calls++;
      state.signals.push(signal);
      if (state.mode === 'throw')
        throw new Error('postgres://admin:secret@db:5432 refused');
      if (state.mode === 'fail') {
        return Promise.reject(
          new Error('password authentication failed for user admin'),
        );
      }
      if (state.mode === 'hang') return new Promise<void>(() => {});
      return Promise.resolve();
    },
  };
  return { check, state };
}

function setup(
  options: {
    cacheTtlMs?: number;
    onCheck?: (name: string, result: unknown) => void;
  } = {},
) {
  const time = fakeTime();
  const db = controlledCheck('postgres:responseTime', true, 800);
  const reco = controlledCheck('recommendations:responseTime', false, 500);
  const observed: Array<{ name: string; result: any }> = [];
  const monitor = new HealthMonitor({
    checks: [db.check, reco.check],
    cacheTtlMs: options.cacheTtlMs ?? 5_000,
    maxHeartbeatAgeMs: 60_000,
    now: time.now,
    setTimer: time.setTimer,
    onCheck:
      options.onCheck ??
      ((name: string, result: unknown) => observed.push({ name, result })),
  });
  return { time, db, reco, monitor, observed };
}

function fakeExchange(method: string, url: string) {
  const res = {
    status: 0,
    headers: {} as Record<string, string>,
    body: undefined as string | undefined,
    ended: false,
    headersSent: false,
    writeHead(status: number, headers: Record<string, string> = {}) {
      res.status = status;
      res.headers = headers;
      res.headersSent = true;
      return res;
    },
    end(body?: string) {
      res.body = body;
      res.ended = true;
      return res;
    },
  };
  return { req: { method, url } as any, res };
}

describe('health endpoint monitoring example', () => {
  it('fails startup and readiness until started, while liveness already passes', async () => {
    const { monitor, db } = setup();
    expect(monitor.startup()).toEqual({ status: 'fail', output: 'starting' });
    expect(monitor.liveness()).toEqual({ status: 'pass' });
    expect(await monitor.readiness()).toEqual({
      status: 'fail',
      output: 'starting',
    });
    expect(db.state.calls).toBe(0); // no dependency is touched before startup is done

    monitor.markStarted();
    expect(monitor.startup()).toEqual({ status: 'pass' });
    const ready = await monitor.readiness();
    expect(ready.status).toBe('pass');
    expect(Object.keys(ready.checks)).toEqual([
      'postgres:responseTime',
      'recommendations:responseTime',
    ]);
  });

  it('keeps liveness passing when a critical dependency fails (no restart storm)', async () => {
    const { monitor, db } = setup();
    monitor.markStarted();
    db.state.mode = 'fail';
    const ready = await monitor.readiness();
    expect(ready.status).toBe('fail');
    expect(ready.checks['postgres:responseTime'][0]).toMatchObject({
      status: 'fail',
      output: 'error',
      observedUnit: 'ms',
    });
    expect(monitor.liveness()).toEqual({ status: 'pass' });
  });

  it('only warns when a non-critical dependency fails', async () => {
    const { monitor, reco } = setup();
    monitor.markStarted();
    reco.state.mode = 'fail';
    expect((await monitor.readiness()).status).toBe('warn');
  });

  it('reports fail, not warn, when critical and non-critical checks both fail', async () => {
    const { monitor, db, reco } = setup();
    monitor.markStarted();
    db.state.mode = 'fail';
    reco.state.mode = 'fail';
    expect((await monitor.readiness()).status).toBe('fail');
  });

  it('abandons a hanging check at its deadline and aborts its signal', async () => {
    const { monitor, db, time } = setup();
    monitor.markStarted();
    db.state.mode = 'hang';
    const pending = monitor.readiness();
    let settled = false;
    pending.then(() => {
      settled = true;
    });
    await flush();
    expect(settled).toBe(false);
    time.advance(799);
    await flush();
    expect(settled).toBe(false);
    time.advance(1);
    const ready = await pending;
    expect(ready.status).toBe('fail');
    expect(ready.checks['postgres:responseTime'][0]).toMatchObject({
      status: 'fail',
      output: 'timeout',
      observedValue: 800,
    });
    expect(db.state.signals[0].aborted).toBe(true);
  });

  it('turns a check that throws synchronously into a failed result', async () => {
    const { monitor, db } = setup();
    monitor.markStarted();
    db.state.mode = 'throw';
    const ready = await monitor.readiness();
    expect(ready.checks['postgres:responseTime'][0]).toMatchObject({
      status: 'fail',
      output: 'error',
    });
  });

  it('runs each check once for concurrent probes and reuses results within the TTL', async () => {
    const { monitor, db, reco, time } = setup({ cacheTtlMs: 5_000 });
    monitor.markStarted();
    db.state.mode = 'hang';
    const probes = Array.from({ length: 10 }, () => monitor.readiness());
    await flush();
    expect(db.state.calls).toBe(1);
    expect(reco.state.calls).toBe(1);
    time.advance(800);
    const results = await Promise.all(probes);
    expect(new Set(results.map(r => r.status))).toEqual(new Set(['fail']));

    db.state.mode = 'pass';
    time.advance(1_000); // 1.8 s after the run started: still cached
    expect((await monitor.readiness()).status).toBe('fail');
    expect(db.state.calls).toBe(1);

    time.advance(3_200); // 5 s after the run started: expired
    expect((await monitor.readiness()).status).toBe('pass');
    expect(db.state.calls).toBe(2);
  });

  it('fails liveness when the work loop stops reporting progress', () => {
    const { monitor, time } = setup();
    monitor.markStarted();
    time.advance(59_000);
    monitor.heartbeat();
    time.advance(60_000);
    expect(monitor.liveness()).toEqual({ status: 'pass' });
    time.advance(1);
    expect(monitor.liveness()).toEqual({ status: 'fail', output: 'stalled' });
    monitor.heartbeat();
    expect(monitor.liveness()).toEqual({ status: 'pass' });
  });

  it('fails readiness but not liveness once shutdown begins, even mid-check', async () => {
    const { monitor, db, time } = setup();
    monitor.markStarted();
    db.state.mode = 'hang';
    const pending = monitor.readiness();
    await flush();
    monitor.beginShutdown();
    time.advance(800);
    expect(await pending).toMatchObject({ status: 'fail', output: 'draining' });
    expect(await monitor.readiness()).toEqual({
      status: 'fail',
      output: 'draining',
    });
    expect(monitor.liveness()).toEqual({ status: 'pass' });
  });

  it('never exposes raw error text in results or hooks', async () => {
    const { monitor, db, observed } = setup();
    monitor.markStarted();
    db.state.mode = 'fail';
    const ready = await monitor.readiness();
    const serialized = JSON.stringify({ ready, observed });
    expect(serialized).not.toMatch(/password|secret|admin/);
    expect(observed.map(o => o.name)).toEqual([
      'postgres:responseTime',
      'recommendations:responseTime',
    ]);
  });

  it('keeps answering when the onCheck hook throws', async () => {
    const { monitor, time } = setup({
      onCheck: () => {
        throw new Error('metrics exporter down');
      },
    });
    monitor.markStarted();
    const answer = (probe: Promise<any>) =>
      Promise.race([
        probe.then(r => r.status),
        new Promise(resolve => setTimeout(() => resolve('hung'), 100)),
      ]);
    expect(await answer(monitor.readiness())).toBe('pass');
    time.advance(5_000); // cache expired: a second run must not hang either
    expect(await answer(monitor.readiness())).toBe('pass');
  });

  it('expires cached results when the clock steps backwards', async () => {
    const { monitor, db, time } = setup({ cacheTtlMs: 5_000 });
    monitor.markStarted();
    expect((await monitor.readiness()).status).toBe('pass');
    expect(db.state.calls).toBe(1);
    time.rewind(60_000); // an NTP correction of one minute
    db.state.mode = 'fail';
    expect((await monitor.readiness()).status).toBe('fail');
    expect(db.state.calls).toBe(2);
  });

  it('cancels the deadline timer when a check finishes in time', async () => {
    const { monitor, time } = setup();
    monitor.markStarted();
    await monitor.readiness();
    expect(time.pending()).toBe(0);
  });

  describe('startOrdersService', () => {
    it('feeds the liveness heartbeat from the work loop', async () => {
      let now = 0;
      const before = process.listeners('SIGTERM');
      let loopHeartbeat: (() => void) | undefined;
      const ping = { ping: () => Promise.resolve() };
      const { server, monitor } = startOrdersService({
        db: ping,
        recommendations: ping,
        app: (_req: unknown, res: any) => res.writeHead(404).end(),
        warmUp: () => Promise.resolve(),
        startWorkLoop: (heartbeat: () => void) => {
          loopHeartbeat = heartbeat;
        },
        port: 0,
        drainMs: 0,
        now: () => now,
      });
      try {
        await new Promise(resolve => server.once('listening', resolve));
        await flush();
        expect(monitor.startup()).toEqual({ status: 'pass' });
        expect(loopHeartbeat).toBeInstanceOf(Function);
        now = 61_000; // the loop keeps iterating...
        loopHeartbeat!();
        expect(monitor.liveness()).toEqual({ status: 'pass' }); // ...so no restart
        now = 122_000; // and when it stops, liveness notices
        expect(monitor.liveness()).toEqual({
          status: 'fail',
          output: 'stalled',
        });
      } finally {
        await new Promise(resolve => server.close(resolve));
        process
          .listeners('SIGTERM')
          .filter(listener => !before.includes(listener))
          .forEach(listener => process.removeListener('SIGTERM', listener));
      }
    });
  });

  describe('HTTP handler', () => {
    it('serves the three probes with health+json, no-store and 200/503', async () => {
      const { monitor, db } = setup();
      const handler = createHealthHandler(monitor, { exposeDetails: false });

      let { req, res } = fakeExchange('GET', '/readyz');
      expect(await handler(req, res)).toBe(true);
      expect(res.status).toBe(503);
      expect(res.headers).toEqual({
        'Content-Type': 'application/health+json',
        'Cache-Control': 'no-store',
      });
      expect(JSON.parse(res.body!)).toEqual({ status: 'fail' });

      monitor.markStarted();
      db.state.mode = 'pass';
      ({ req, res } = fakeExchange('GET', '/readyz?verbose=1'));
      await handler(req, res);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body!)).toEqual({ status: 'pass' }); // no details without opt-in

      ({ req, res } = fakeExchange('GET', '/livez'));
      await handler(req, res);
      expect(res.status).toBe(200);

      ({ req, res } = fakeExchange('GET', '/startupz'));
      await handler(req, res);
      expect(res.status).toBe(200);
    });

    it('returns 200 for warn and includes checks only when details are exposed', async () => {
      const { monitor, reco } = setup();
      monitor.markStarted();
      reco.state.mode = 'fail';
      const handler = createHealthHandler(monitor, { exposeDetails: true });
      const { req, res } = fakeExchange('GET', '/readyz');
      await handler(req, res);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body!);
      expect(body.status).toBe('warn');
      expect(body.checks['recommendations:responseTime'][0].status).toBe(
        'fail',
      );
    });

    it('answers HEAD without a body, rejects other methods without running checks, and ignores other paths', async () => {
      const { monitor, db } = setup();
      monitor.markStarted();
      const handler = createHealthHandler(monitor, { exposeDetails: true });

      let { req, res } = fakeExchange('HEAD', '/readyz');
      await handler(req, res);
      expect(res.status).toBe(200);
      expect(res.body).toBeUndefined();

      const callsBefore = db.state.calls;
      ({ req, res } = fakeExchange('POST', '/readyz'));
      await handler(req, res);
      expect(res.status).toBe(405);
      expect(res.headers).toEqual({ Allow: 'GET, HEAD' });
      expect(db.state.calls).toBe(callsBefore);

      ({ req, res } = fakeExchange('GET', '/orders'));
      expect(await handler(req, res)).toBe(false);
      expect(res.ended).toBe(false);
    });
  });
});
