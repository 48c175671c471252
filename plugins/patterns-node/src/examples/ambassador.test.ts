import { loadExample } from './__testUtils__/loadExample';

const { createPaymentsClient, PaymentsCallError } = loadExample('ambassador');

/** Timers that fire only when the test says so, and remember cancellation. */
function manualTimers() {
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    timers,
    setTimer(fn: () => void, ms: number) {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    fireAll() {
      timers.filter(t => !t.cancelled).forEach(t => t.fn());
    },
  };
}

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Promise<Response> | Response) {
  const calls: Call[] = [];
  const fetch = async (input: URL | string, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetch, calls };
}

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function client(fetch: unknown, extra: Record<string, unknown> = {}) {
  const timers = manualTimers();
  const payments = createPaymentsClient({
    ambassadorUrl: 'http://127.0.0.1:9001',
    timeoutMs: 3_500,
    fetch,
    setTimer: timers.setTimer,
    newIdempotencyKey: () => 'key-1',
    ...extra,
  });
  return { payments, timers };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e as any;
  }
  throw new Error('expected the call to fail');
}

describe('ambassador example client', () => {
  it('refuses an ambassador that is not on loopback or not plain HTTP', () => {
    for (const url of [
      'http://payments.internal:9001',
      'http://10.0.0.7:9001',
      'https://127.0.0.1:9001',
    ]) {
      expect(() =>
        createPaymentsClient({ ambassadorUrl: url, timeoutMs: 1_000 }),
      ).toThrow(/loopback/);
    }
    expect(() =>
      createPaymentsClient({
        ambassadorUrl: 'http://[::1]:9001',
        timeoutMs: 1_000,
      }),
    ).not.toThrow();
    expect(() =>
      createPaymentsClient({
        ambassadorUrl: 'http://localhost:9001',
        timeoutMs: 1_000,
      }),
    ).not.toThrow();
  });

  it('reads through the local listener with an encoded id and cancels its deadline', async () => {
    const charge = {
      id: 'ch/1',
      amountMinor: 1250,
      currency: 'EUR',
      status: 'succeeded',
    };
    const { fetch, calls } = fakeFetch(() =>
      json(200, charge, { 'x-envoy-upstream-service-time': '12' }),
    );
    const { payments, timers } = client(fetch);
    await expect(payments.getCharge('ch/1')).resolves.toEqual(charge);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://127.0.0.1:9001/v1/charges/ch%2F1');
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.body).toBeUndefined();
    expect(timers.timers).toHaveLength(1);
    expect(timers.timers[0].ms).toBe(3_500);
    expect(timers.timers[0].cancelled).toBe(true);
  });

  it('sends every write with an idempotency key and a JSON body', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(201, {
        id: 'ch_2',
        amountMinor: 500,
        currency: 'EUR',
        status: 'pending',
      }),
    );
    const { payments } = client(fetch);
    await payments.createCharge({
      amountMinor: 500,
      currency: 'EUR',
      customerId: 'c1',
    });
    await payments.createCharge(
      { amountMinor: 500, currency: 'EUR', customerId: 'c1' },
      'caller-chosen-key',
    );
    const headers = calls.map(c => c.init.headers as Record<string, string>);
    expect(headers[0]['idempotency-key']).toBe('key-1');
    expect(headers[1]['idempotency-key']).toBe('caller-chosen-key');
    expect(headers[0]['content-type']).toBe('application/json');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({
      amountMinor: 500,
      currency: 'EUR',
      customerId: 'c1',
    });
  });

  it('does not retry: one failed call is one request to the ambassador', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(503, { error: 'unavailable' }),
    );
    const { payments } = client(fetch);
    await failure(payments.getCharge('ch_1'));
    expect(calls).toHaveLength(1);
  });

  it('attributes an error without x-envoy-upstream-service-time to the ambassador', async () => {
    const { fetch } = fakeFetch(
      () => new Response('upstream request timeout', { status: 504 }),
    );
    const { payments } = client(fetch);
    const error = await failure(payments.getCharge('ch_1'));
    expect(error).toBeInstanceOf(PaymentsCallError);
    expect(error.origin).toBe('ambassador');
    expect(error.status).toBe(504);
  });

  it('attributes an error that came through the ambassador to the upstream', async () => {
    const { fetch } = fakeFetch(() =>
      json(
        503,
        { error: 'maintenance' },
        { 'x-envoy-upstream-service-time': '3' },
      ),
    );
    const { payments } = client(fetch);
    const error = await failure(payments.getCharge('ch_1'));
    expect(error.origin).toBe('upstream');
    expect(error.status).toBe(503);
  });

  it('reports a refused connection to the ambassador as unreachable', async () => {
    const { fetch } = fakeFetch(() =>
      Promise.reject(new TypeError('fetch failed')),
    );
    const { payments, timers } = client(fetch);
    const error = await failure(payments.getCharge('ch_1'));
    expect(error.origin).toBe('unreachable');
    expect(error.status).toBeUndefined();
    expect(timers.timers[0].cancelled).toBe(true);
  });

  it('aborts the request at its own deadline', async () => {
    let signal: AbortSignal | undefined;
    const { fetch } = fakeFetch(
      call =>
        new Promise<Response>((_resolve, reject) => {
          signal = call.init.signal as AbortSignal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const { payments, timers } = client(fetch);
    const pending = failure(payments.getCharge('ch_1'));
    await Promise.resolve();
    expect(signal?.aborted).toBe(false);
    timers.fireAll();
    const error = await pending;
    expect(signal?.aborted).toBe(true);
    expect(error.origin).toBe('timeout'); // a hung ambassador, not a missing one
  });

  it('keeps the deadline armed while the body is read', async () => {
    const { fetch } = fakeFetch(call => {
      const signal = call.init.signal as AbortSignal;
      // Headers arrive, then the body stalls halfway, as a real fetch body does until aborted.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"ch_1",'));
          signal.addEventListener('abort', () =>
            controller.error(new Error('aborted')),
          );
        },
      });
      return new Response(body, {
        status: 200,
        headers: { 'x-envoy-upstream-service-time': '5' },
      });
    });
    const { payments, timers } = client(fetch);
    const pending = failure(payments.getCharge('ch_1'));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    timers.fireAll();
    const outcome = await Promise.race([
      pending,
      new Promise(resolve => setTimeout(() => resolve('hung'), 100)),
    ]);
    expect(outcome).toBeInstanceOf(PaymentsCallError);
    expect((outcome as any).origin).toBe('timeout');
  });

  it('never follows a redirect away from the ambassador', async () => {
    const calls: Call[] = [];
    // A fetch with the standard redirect behaviour: 'follow' unless told otherwise.
    const fetch = async (input: URL | string, init: RequestInit = {}) => {
      calls.push({ url: String(input), init });
      const response = new Response(null, {
        status: 307,
        headers: {
          location: 'https://payments.attacker.example/v1/charges',
          'x-envoy-upstream-service-time': '2',
        },
      });
      if ((init.redirect ?? 'follow') === 'follow' && calls.length === 1) {
        calls.push({ url: response.headers.get('location')!, init });
        return json(201, { id: 'ch_x' });
      }
      return response;
    };
    const { payments } = client(fetch);
    const error = await failure(
      payments.createCharge({
        amountMinor: 500,
        currency: 'EUR',
        customerId: 'c1',
      }),
    );
    expect(calls.map(c => new URL(c.url).hostname)).toEqual(['127.0.0.1']);
    expect(error.origin).toBe('upstream');
    expect(error.status).toBe(307);
  });

  it('rejects ids that the URL parser would turn into another path', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const { payments } = client(fetch);
    for (const id of ['..', '.', '']) {
      await expect(payments.getCharge(id)).rejects.toThrow(/charge id/);
    }
    expect(calls).toHaveLength(0);
  });
});
