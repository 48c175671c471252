import { loadExample } from './__testUtils__/loadExample';

const { Status, grpcError, callWithRetry, OrdersClient } = loadExample('grpc');

/** A clock that only moves when the code under test sleeps. */
function runtime(random = () => 1) {
  let time = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    random,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

const policy = {
  maxAttempts: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 1000,
  backoffMultiplier: 2,
};

/** A method that fails with the given codes, then succeeds. */
function flaky(codes: number[], result = { ok: true }) {
  const calls: { deadline: Date; signal?: AbortSignal }[] = [];
  const method = jest.fn(async (_req: unknown, options: any) => {
    calls.push(options);
    const code = codes[calls.length - 1];
    if (code !== undefined) throw grpcError(code, `attempt ${calls.length}`);
    return result;
  });
  return { method, calls };
}

describe('grpc example', () => {
  it('retries UNAVAILABLE for idempotent calls with full-jitter backoff, sharing one deadline', async () => {
    const rt = runtime(() => 0.5);
    const { method, calls } = flaky([Status.UNAVAILABLE, Status.UNAVAILABLE]);
    await expect(
      callWithRetry(
        method,
        {},
        { timeoutMs: 800, idempotent: true, policy },
        rt,
      ),
    ).resolves.toEqual({ ok: true });
    expect(method).toHaveBeenCalledTimes(3);
    expect(rt.sleeps).toEqual([50, 100]);
    // Every attempt carries the same absolute deadline.
    expect(new Set(calls.map(c => c.deadline.getTime())).size).toBe(1);
  });

  it('does not retry non-retryable codes or non-idempotent calls', async () => {
    const rt = runtime();
    const notFound = flaky([Status.NOT_FOUND]);
    await expect(
      callWithRetry(
        notFound.method,
        {},
        { timeoutMs: 800, idempotent: true, policy },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.NOT_FOUND });
    expect(notFound.method).toHaveBeenCalledTimes(1);

    const write = flaky([Status.UNAVAILABLE]);
    await expect(
      callWithRetry(
        write.method,
        {},
        { timeoutMs: 800, idempotent: false, policy },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    expect(write.method).toHaveBeenCalledTimes(1);
  });

  it('inherits an earlier parent deadline and never sleeps past it', async () => {
    const rt = runtime();
    const { method, calls } = flaky([Status.UNAVAILABLE]);
    const parentDeadline = rt.now() + 50;
    await expect(
      callWithRetry(
        method,
        {},
        {
          timeoutMs: 800,
          idempotent: true,
          policy,
          context: { parentDeadline },
        },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    expect(calls[0].deadline.getTime()).toBe(parentDeadline);
    expect(rt.sleeps).toEqual([]); // a 100 ms backoff would end after the deadline
  });

  it('caps maxAttempts at 5, as gRFC A6 does for the service config', async () => {
    const rt = runtime(() => 0);
    const { method } = flaky(Array(10).fill(Status.UNAVAILABLE));
    await expect(
      callWithRetry(
        method,
        {},
        {
          timeoutMs: 60_000,
          idempotent: true,
          policy: { ...policy, maxAttempts: 10 },
        },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    expect(method).toHaveBeenCalledTimes(5);
  });

  it('stops retrying once the caller cancels, and passes the signal to the call', async () => {
    const rt = runtime(() => 0.5);
    const controller = new AbortController();
    const calls: any[] = [];
    const method = jest.fn(async (_req: unknown, options: any) => {
      calls.push(options);
      controller.abort(); // the incoming request is cancelled while this attempt runs
      throw grpcError(Status.UNAVAILABLE, 'connection reset');
    });
    await expect(
      callWithRetry(
        method,
        {},
        {
          timeoutMs: 800,
          idempotent: true,
          policy,
          context: { signal: controller.signal },
        },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    expect(method).toHaveBeenCalledTimes(1);
    expect(calls[0].signal).toBe(controller.signal);

    await expect(
      callWithRetry(
        method,
        {},
        {
          timeoutMs: 800,
          idempotent: true,
          policy,
          context: { signal: controller.signal },
        },
        rt,
      ),
    ).rejects.toMatchObject({ code: Status.CANCELLED });
    expect(method).toHaveBeenCalledTimes(1);
  });

  it('calls generated stub methods with their own `this`', async () => {
    // Generated clients are classes whose methods use `this`; an unbound method throws.
    class GeneratedStub {
      private readonly channel = { target: 'dns:///orders:50051' };
      async getOrder(req: { orderId: string }) {
        return {
          orderId: req.orderId,
          customerId: this.channel.target,
          status: 1,
          totalCents: 100,
        };
      }
      async createOrder(req: { requestId: string }) {
        return {
          orderId: req.requestId,
          customerId: this.channel.target,
          status: 1,
          totalCents: 100,
        };
      }
    }
    const client = new OrdersClient(new GeneratedStub(), runtime());
    await expect(client.getOrder('o-1')).resolves.toMatchObject({
      orderId: 'o-1',
      customerId: 'dns:///orders:50051',
    });
    await expect(
      client.createOrder({ requestId: 'r-1', customerId: 'c', items: [] }),
    ).resolves.toMatchObject({ orderId: 'r-1' });
  });
});
