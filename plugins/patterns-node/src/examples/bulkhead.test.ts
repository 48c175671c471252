import { loadExample } from './__testUtils__/loadExample';

const {
  Bulkhead,
  BulkheadFullError,
  BulkheadRegistry,
  CallTimeoutError,
  RESILIENCE4J_SEMAPHORE_DEFAULTS,
  productPage,
} = loadExample('bulkhead');

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
const flush = () => new Promise<void>(resolve => setImmediate(resolve));

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let nextId = 1;
  return {
    setTimeout: (callback: () => void) => {
      const id = nextId++;
      pending.set(id, callback);
      return id;
    },
    clearTimeout: (id: number) => {
      pending.delete(id);
    },
    fireAll: () => {
      const callbacks = [...pending.values()];
      pending.clear();
      callbacks.forEach(callback => callback());
    },

    get size() {
      return pending.size;
    },
  };
}

describe('bulkhead example', () => {
  it('documents the resilience4j semaphore defaults', () => {
    expect(RESILIENCE4J_SEMAPHORE_DEFAULTS).toEqual({
      maxConcurrentCalls: 25,
      maxQueueSize: 0,
    });
  });

  it('rejects calls past max concurrency plus queue without running them', async () => {
    const bulkhead = new Bulkhead('reviews', {
      maxConcurrentCalls: 2,
      maxQueueSize: 1,
    });
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const started: number[] = [];
    const calls = gates.map((gate, i) =>
      bulkhead.execute(() => {
        started.push(i);
        return gate.promise;
      }),
    );
    await flush();
    expect(bulkhead.activeCalls).toBe(2);
    expect(bulkhead.queuedCalls).toBe(1);
    expect(started).toEqual([0, 1]);

    const overflow = jest.fn(async () => 'never');
    await expect(bulkhead.execute(overflow)).rejects.toBeInstanceOf(
      BulkheadFullError,
    );
    expect(overflow).not.toHaveBeenCalled();

    // Releasing a permit hands it to the queued call.
    gates[0].resolve('first');
    await expect(calls[0]).resolves.toBe('first');
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect(bulkhead.activeCalls).toBe(2);
    expect(bulkhead.queuedCalls).toBe(0);

    gates[1].resolve('second');
    gates[2].resolve('third');
    await expect(Promise.all(calls)).resolves.toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('with no queue rejects as soon as all permits are taken', async () => {
    const bulkhead = new Bulkhead('pricing', {
      maxConcurrentCalls: 1,
      maxQueueSize: 0,
    });
    const gate = deferred<void>();
    const running = bulkhead.execute(() => gate.promise);
    await expect(bulkhead.execute(async () => 'x')).rejects.toBeInstanceOf(
      BulkheadFullError,
    );
    gate.resolve();
    await running;
    await expect(bulkhead.execute(async () => 'x')).resolves.toBe('x');
  });

  it('releases the permit when a call fails', async () => {
    const bulkhead = new Bulkhead('pricing', {
      maxConcurrentCalls: 1,
      maxQueueSize: 0,
    });
    await expect(
      bulkhead.execute(async () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    await expect(
      bulkhead.execute(() => {
        throw new Error('sync throw');
      }),
    ).rejects.toThrow('sync throw');
    expect(bulkhead.activeCalls).toBe(0);
    await expect(bulkhead.execute(async () => 'ok')).resolves.toBe('ok');
  });

  it('rejects a queued call whose maximum wait elapses, and cancels the timer when served', async () => {
    const timers = manualTimers();
    const bulkhead = new Bulkhead('search', {
      maxConcurrentCalls: 1,
      maxQueueSize: 2,
      maxWaitMs: 50,
      timers,
    });
    const gate = deferred<string>();
    const running = bulkhead.execute(() => gate.promise);
    const queued = bulkhead.execute(async () => 'late');
    await flush();
    expect(bulkhead.queuedCalls).toBe(1);
    expect(timers.size).toBe(1);

    timers.fireAll();
    await expect(queued).rejects.toBeInstanceOf(BulkheadFullError);
    expect(bulkhead.queuedCalls).toBe(0);

    const served = bulkhead.execute(async () => 'served');
    await flush();
    gate.resolve('done');
    await expect(running).resolves.toBe('done');
    await expect(served).resolves.toBe('served');
    expect(timers.size).toBe(0); // the served waiter's timer was cleared
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('isolates dependencies: a saturated compartment does not affect another', async () => {
    const registry = new BulkheadRegistry(
      { maxConcurrentCalls: 2, maxQueueSize: 0 },
      { reviews: { maxConcurrentCalls: 1 } },
    );
    expect(registry.for('reviews')).toBe(registry.for('reviews'));

    const stuck = deferred<string[]>();
    const services = {
      price: jest.fn(async () => 42),
      reviews: jest.fn(() => stuck.promise),
    };
    const first = productPage('sku-1', services, registry);
    await flush();
    // The reviews compartment (1 permit) is now held by a slow call.
    await expect(productPage('sku-1', services, registry)).resolves.toEqual({
      price: 42,
      reviews: 'unavailable',
    });
    expect(services.reviews).toHaveBeenCalledTimes(1);
    expect(registry.for('pricing').activeCalls).toBe(0);

    stuck.resolve(['great']);
    await expect(first).resolves.toEqual({ price: 42, reviews: ['great'] });
  });
  it('refuses unbounded or meaningless limits', () => {
    expect(
      () => new Bulkhead('x', { maxConcurrentCalls: 0, maxQueueSize: 0 }),
    ).toThrow(RangeError);
    expect(
      () => new Bulkhead('x', { maxConcurrentCalls: 1.5, maxQueueSize: 0 }),
    ).toThrow(RangeError);
    expect(
      () =>
        new Bulkhead('x', { maxConcurrentCalls: 2, maxQueueSize: Infinity }),
    ).toThrow(RangeError);
    expect(
      () => new Bulkhead('x', { maxConcurrentCalls: 2, maxQueueSize: -1 }),
    ).toThrow(RangeError);
  });

  it('serves waiters in arrival order and counts rejections', async () => {
    const bulkhead = new Bulkhead('fifo', {
      maxConcurrentCalls: 1,
      maxQueueSize: 3,
    });
    const gate = deferred<void>();
    const order: string[] = [];
    const first = bulkhead.execute(() => gate.promise);
    const queued = ['a', 'b', 'c'].map(name =>
      bulkhead.execute(async () => {
        order.push(name);
      }),
    );
    await expect(bulkhead.execute(async () => 'x')).rejects.toBeInstanceOf(
      BulkheadFullError,
    );
    expect(bulkhead.rejectedCalls).toBe(1);
    gate.resolve();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('times out a running call: aborts its signal, rejects the caller and releases the permit when the call stops', async () => {
    const timers = manualTimers();
    const bulkhead = new Bulkhead('reviews', {
      maxConcurrentCalls: 1,
      maxQueueSize: 0,
      callTimeoutMs: 100,
      timers,
    });
    let seen: AbortSignal | undefined;
    const call = bulkhead.execute(
      (signal: AbortSignal) =>
        new Promise<string>((_, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    await flush();
    expect(timers.size).toBe(1); // the call timeout is armed
    expect(bulkhead.activeCalls).toBe(1);

    timers.fireAll();
    await expect(call).rejects.toBeInstanceOf(CallTimeoutError);
    expect(seen!.aborted).toBe(true);
    await flush();
    expect(bulkhead.activeCalls).toBe(0);
    await expect(bulkhead.execute(async () => 'next')).resolves.toBe('next');
  });

  it('keeps the permit of a timed-out call that ignores its signal until the call really settles', async () => {
    const timers = manualTimers();
    const bulkhead = new Bulkhead('legacy', {
      maxConcurrentCalls: 1,
      maxQueueSize: 0,
      callTimeoutMs: 100,
      timers,
    });
    const stuck = deferred<string>();
    const call = bulkhead.execute(() => stuck.promise); // ignores the signal
    await flush();
    timers.fireAll();
    await expect(call).rejects.toBeInstanceOf(CallTimeoutError);

    // The caller has given up, but the work is still running on the dependency.
    expect(bulkhead.activeCalls).toBe(1);
    await expect(bulkhead.execute(async () => 'x')).rejects.toBeInstanceOf(
      BulkheadFullError,
    );

    stuck.resolve('late');
    await flush();
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('lets a caller who aborts while queued leave the queue without running its call', async () => {
    const bulkhead = new Bulkhead('search', {
      maxConcurrentCalls: 1,
      maxQueueSize: 1,
    });
    const gate = deferred<string>();
    const running = bulkhead.execute(() => gate.promise);
    const caller = new AbortController();
    const never = jest.fn(async () => 'never');
    const queued = bulkhead.execute(never, { signal: caller.signal });
    await flush();
    expect(bulkhead.queuedCalls).toBe(1);

    caller.abort(new Error('client disconnected'));
    await expect(queued).rejects.toThrow('client disconnected');
    expect(bulkhead.queuedCalls).toBe(0);

    // The queue slot is free again, and the running call's permit is not handed to the aborted caller.
    const next = bulkhead.execute(async () => 'next');
    gate.resolve('done');
    await expect(running).resolves.toBe('done');
    await expect(next).resolves.toBe('next');
    expect(never).not.toHaveBeenCalled();
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('aborts a running call when its caller aborts, and rejects an already aborted caller without a permit', async () => {
    const bulkhead = new Bulkhead('pricing', {
      maxConcurrentCalls: 1,
      maxQueueSize: 0,
    });
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const call = bulkhead.execute(
      (signal: AbortSignal) =>
        new Promise<string>((_, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
      { signal: caller.signal },
    );
    await flush();
    caller.abort(new Error('gone'));
    await expect(call).rejects.toThrow('gone');
    expect(seen!.aborted).toBe(true);
    await flush();
    expect(bulkhead.activeCalls).toBe(0);

    const fn = jest.fn(async () => 'x');
    await expect(
      bulkhead.execute(fn, { signal: AbortSignal.abort(new Error('already')) }),
    ).rejects.toThrow('already');
    expect(fn).not.toHaveBeenCalled();
    expect(bulkhead.activeCalls).toBe(0);
  });

  it('product page degrades reviews that time out', async () => {
    const timers = manualTimers();
    const registry = new BulkheadRegistry(
      { maxConcurrentCalls: 2, maxQueueSize: 0, timers },
      { reviews: { callTimeoutMs: 200 } },
    );
    const services = {
      price: jest.fn(async () => 42),
      reviews: jest.fn(
        (_sku: string, signal: AbortSignal) =>
          new Promise<string[]>((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          ),
      ),
    };
    const page = productPage('sku-1', services, registry);
    await flush();
    timers.fireAll();
    await expect(page).resolves.toEqual({ price: 42, reviews: 'unavailable' });
    await flush();
    expect(registry.for('reviews').activeCalls).toBe(0);
  });

  it('product page leaves no unhandled rejection when pricing fails before reviews does', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const registry = new BulkheadRegistry({
        maxConcurrentCalls: 2,
        maxQueueSize: 0,
      });
      const reviewsGate = deferred<string[]>();
      const services = {
        price: jest.fn(async () => {
          throw new Error('pricing down');
        }),
        reviews: jest.fn(() => reviewsGate.promise),
      };
      await expect(productPage('sku-1', services, registry)).rejects.toThrow(
        'pricing down',
      );
      reviewsGate.reject(new Error('reviews down'));
      await flush();
      await flush();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
