import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadExample } from './__testUtils__/loadExample';

const {
  TimeoutError,
  withTimeout,
  Deadline,
  TIMEOUT_HEADER,
  callWithDeadline,
  percentile,
  timeoutFromLatencies,
  compose,
  RESILIENCE4J_ORDER,
  MICROSOFT_STANDARD_ORDER,
  fetchJson,
  incomingRequestContext,
} = loadExample('timeout');

/** Timers that fire only when the test advances them. */
function manualTimers() {
  let time = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    setTimeout: (callback: () => void, ms: number) => {
      const id = nextId++;
      pending.set(id, { at: time + ms, callback });
      return id;
    },
    clearTimeout: (id: number) => {
      pending.delete(id);
    },
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.at <= time) {
          pending.delete(id);
          timer.callback();
        }
      }
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

/** An operation that only ends when its signal aborts, like a hung socket. */
function hungOperation() {
  const seen: { signal?: AbortSignal } = {};
  const operation = jest.fn(
    (signal: AbortSignal) =>
      new Promise<never>((_, reject) => {
        seen.signal = signal;
        signal.addEventListener('abort', () =>
          reject(new Error('socket closed')),
        );
      }),
  );
  return { operation, seen };
}

describe('timeout example', () => {
  it('aborts the underlying call and rejects with a TimeoutError', async () => {
    const timers = manualTimers();
    const { operation, seen } = hungOperation();
    const result = withTimeout(operation, 250, { timers });

    timers.advance(249);
    expect(seen.signal!.aborted).toBe(false);
    timers.advance(1);

    await expect(result).rejects.toBeInstanceOf(TimeoutError);
    await expect(result).rejects.toMatchObject({
      timeoutMs: 250,
      name: 'TimeoutError',
    });
    expect(seen.signal!.aborted).toBe(true);
    expect(seen.signal!.reason).toBeInstanceOf(TimeoutError);
  });

  it('rejects on time even when the operation ignores the signal', async () => {
    const timers = manualTimers();
    const ignoresSignal = () => new Promise<string>(() => undefined);
    const result = withTimeout(ignoresSignal, 100, { timers });
    timers.advance(100);
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
  });

  it('returns the result of a fast call and clears its timer', async () => {
    const timers = manualTimers();
    let signal: AbortSignal | undefined;
    const value = await withTimeout(
      async (s: AbortSignal) => {
        signal = s;
        return 'fast';
      },
      100,
      { timers },
    );
    expect(value).toBe('fast');
    expect(timers.pendingCount).toBe(0);
    timers.advance(1000);
    expect(signal!.aborted).toBe(false);
  });

  it("honours the caller's own cancellation", async () => {
    const timers = manualTimers();
    const caller = new AbortController();
    const { operation, seen } = hungOperation();
    const result = withTimeout(operation, 1000, {
      timers,
      signal: caller.signal,
    });
    caller.abort(new Error('client went away'));
    await expect(result).rejects.toThrow('client went away');
    expect(seen.signal!.aborted).toBe(true);
    expect(timers.pendingCount).toBe(0);

    const already = withTimeout(operation, 1000, {
      timers,
      signal: caller.signal,
    });
    await expect(already).rejects.toThrow('client went away');
    expect(operation).toHaveBeenCalledTimes(1); // not started once the caller gave up
  });

  it('propagates the remaining budget and never waits past the deadline', async () => {
    const timers = manualTimers();
    const deadline = Deadline.after(1000, timers.now);
    expect(deadline.timeoutFor(300)).toBe(300);

    timers.advance(800);
    expect(deadline.remainingMs()).toBe(200);
    expect(deadline.timeoutFor(300)).toBe(200);
    expect(deadline.timeoutFor(300, 50)).toBe(150);

    const { operation } = hungOperation();
    let sentHeaders: Record<string, string> = {};
    const call = callWithDeadline(
      deadline,
      300,
      (signal: AbortSignal, headers: Record<string, string>) => {
        sentHeaders = headers;
        return operation(signal);
      },
      { timers },
    );
    expect(sentHeaders).toEqual({ [TIMEOUT_HEADER]: '200' });
    timers.advance(200);
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
    expect(deadline.expired).toBe(true);

    const late = jest.fn(async () => 'too late');
    await expect(
      callWithDeadline(deadline, 300, late, { timers }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(late).not.toHaveBeenCalled();
  });

  it('reads an incoming budget but never grants more than its own maximum', () => {
    const now = () => 10_000;
    expect(Deadline.fromHeader('250', 1000, now).remainingMs()).toBe(250);
    expect(Deadline.fromHeader('60000', 1000, now).remainingMs()).toBe(1000);
    expect(Deadline.fromHeader('garbage', 1000, now).remainingMs()).toBe(1000);
    expect(Deadline.fromHeader(undefined, 1000, now).remainingMs()).toBe(1000);
  });

  it('sets the timeout at the percentile matching the acceptable false-timeout rate', () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => i + 1); // 1..1000 ms
    expect(percentile(latencies, 0.5)).toBe(500);
    expect(percentile(latencies, 0.999)).toBe(999);
    expect(percentile(latencies, 1)).toBe(1000);
    expect(timeoutFromLatencies(latencies)).toBe(999); // 0.1% false timeouts -> p99.9
    expect(timeoutFromLatencies(latencies, 0.01)).toBe(990);
    expect(
      timeoutFromLatencies([1, 2, 3], 0.001, { minMs: 50, maxMs: 100 }),
    ).toBe(50);

    const timedOut = latencies.filter(
      l => l > timeoutFromLatencies(latencies),
    ).length;
    expect(timedOut / latencies.length).toBeCloseTo(0.001);
  });

  it('composes policies with the first one outermost, as in resilience4j', async () => {
    const entered: string[] = [];
    const named =
      (name: string) =>
      <T>(call: () => Promise<T>) => {
        entered.push(name);
        return call();
      };
    const pipeline = compose(...RESILIENCE4J_ORDER.map(named));
    await expect(pipeline(async () => 'result')).resolves.toBe('result');
    expect(entered).toEqual([
      'Retry',
      'CircuitBreaker',
      'RateLimiter',
      'TimeLimiter',
      'Bulkhead',
    ]);
  });
  it('ignores a budget header that is empty or not a plain number of milliseconds', () => {
    const now = () => 10_000;
    for (const value of ['', ' ', '1e3', '0x10', '-5', '12.5']) {
      expect(Deadline.fromHeader(value, 1000, now).remainingMs()).toBe(1000);
    }
    expect(Deadline.fromHeader('0', 1000, now).expired).toBe(true); // an honest "no time left"
    expect(Deadline.fromHeader(' 250 ', 1000, now).remainingMs()).toBe(250);
  });

  it("rejects timeouts Node's timers cannot represent instead of firing after 1 ms", async () => {
    const timers = manualTimers();
    const operation = jest.fn(async () => 'never called');
    for (const ms of [2 ** 31, Infinity, Number.NaN, -1]) {
      await expect(
        withTimeout(operation, ms, { timers }),
      ).rejects.toBeInstanceOf(RangeError);
    }
    expect(operation).not.toHaveBeenCalled();
    await expect(
      withTimeout(async () => 'ok', 2 ** 31 - 1, { timers }),
    ).resolves.toBe('ok');
  });

  describe('fetchJson', () => {
    const realFetch = globalThis.fetch;
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    it('releases the connection by cancelling the body of an error response', async () => {
      const cancel = jest.fn();
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('error page'));
        },
        cancel,
      });
      globalThis.fetch = jest.fn(
        async () => new Response(body, { status: 503 }),
      ) as unknown as typeof fetch;
      await expect(fetchJson('http://inventory/stock', 1000)).rejects.toThrow(
        'HTTP 503',
      );
      expect(cancel).toHaveBeenCalled();
    });

    it('passes its abort signal to fetch', async () => {
      let seen: AbortSignal | undefined;
      globalThis.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
        seen = init?.signal ?? undefined;
        return new Response('{"level":7}', { status: 200 });
      }) as unknown as typeof fetch;
      await expect(fetchJson('http://inventory/stock', 1000)).resolves.toEqual({
        level: 7,
      });
      expect(seen).toBeInstanceOf(AbortSignal);
    });
  });

  it('server side: stops the handler work when the caller hangs up', async () => {
    const events: string[] = [];
    let handlerDone!: () => void;
    const finished = new Promise<void>(resolve => {
      handlerDone = resolve;
    });
    const server = http.createServer(async (req, res) => {
      const { deadline, signal } = incomingRequestContext(req, res, 5_000);
      events.push(`budget ${deadline.remainingMs() <= 300}`);
      try {
        // Stands in for a database query or a downstream call that honours the signal.
        await withTimeout(
          (inner: AbortSignal) =>
            new Promise<never>((_, reject) => {
              inner.addEventListener('abort', () =>
                reject(new Error('query cancelled')),
              );
            }),
          deadline.timeoutFor(5_000),
          { signal },
        );
      } catch (error) {
        events.push((error as Error).message);
      } finally {
        handlerDone();
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new AbortController();
      const request = http.request({
        host: '127.0.0.1',
        port,
        path: '/stock',
        headers: { [TIMEOUT_HEADER]: '300' },
        signal: client.signal,
      });
      request.on('error', () => undefined); // the abort below
      request.end();
      await new Promise(resolve => setTimeout(resolve, 50));
      client.abort(); // the caller gives up long before the 300 ms budget
      await finished;
      expect(events).toEqual([
        'budget true',
        'the caller closed the connection',
      ]);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });

  it("documents Microsoft's standard handler order next to resilience4j's", async () => {
    const entered: string[] = [];
    const named =
      (name: string) =>
      <T>(call: () => Promise<T>) => {
        entered.push(name);
        return call();
      };
    await compose(...MICROSOFT_STANDARD_ORDER.map(named))(async () => 'ok');
    expect(entered).toEqual([
      'RateLimiter',
      'TotalRequestTimeout',
      'Retry',
      'CircuitBreaker',
      'AttemptTimeout',
    ]);
  });
});
