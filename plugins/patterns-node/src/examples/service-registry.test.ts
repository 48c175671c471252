import { loadExample } from './__testUtils__/loadExample';

const {
  InMemoryRegistry,
  RegistrationClient,
  DiscoveryClient,
  NoHealthyInstanceError,
  callByName,
} = loadExample('service-registry');

/** Resolves with 'hung' if the promise has not settled within a short real time. */
function settlesOrHangs<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([
    promise,
    new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 100)),
  ]);
}

async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function instance(id: string, status = 'UP') {
  return {
    service: 'orders',
    instanceId: id,
    host: `10.0.0.${id.slice(-1)}`,
    port: 8080,
    status,
    metadata: {},
  };
}

/** A registry that records calls and can be told to fail. */
function spyRegistry(clock: { t: number }) {
  const inner = new InMemoryRegistry(() => clock.t);
  const calls: string[] = [];
  let failRegisters = 0;
  return {
    calls,
    failNextRegisters(n: number) {
      failRegisters = n;
    },
    async register(i: any, ttl: number) {
      calls.push('register');
      if (failRegisters > 0) {
        failRegisters -= 1;
        throw new Error('registry unavailable');
      }
      return inner.register(i, ttl);
    },
    async heartbeat(service: string, id: string) {
      calls.push('heartbeat');
      return inner.heartbeat(service, id);
    },
    async deregister(service: string, id: string) {
      calls.push('deregister');
      return inner.deregister(service, id);
    },
    instances: (service: string) => inner.instances(service),
  };
}

/** A sleep that resolves only when the test ticks it, and ignores abort signals. */
function tickingSleep() {
  const waiting: (() => void)[] = [];
  return {
    sleep: () => new Promise<void>(resolve => waiting.push(resolve)),
    tick() {
      waiting.splice(0).forEach(resolve => resolve());
    },
  };
}

describe('service-registry example', () => {
  it('deregisters as soon as shutdown starts, without waiting out the heartbeat interval', async () => {
    const clock = { t: 0 };
    const registry = spyRegistry(clock);
    const { sleep } = tickingSleep(); // never ticked: we are mid-interval
    const client = new RegistrationClient(registry, instance('a1'), {
      ttlMs: 90_000,
      heartbeatIntervalMs: 30_000,
      sleep,
    });
    const shutdown = new AbortController();

    const running = client.keepAlive(shutdown.signal);
    await flush();
    shutdown.abort();
    await flush();

    expect(registry.calls).toEqual(['register', 'deregister']);
    expect(await settlesOrHangs(running)).toBeUndefined();
    expect(await registry.instances('orders')).toEqual([]);
  });

  it('keeps trying to register when the registry is down at startup', async () => {
    const clock = { t: 0 };
    const registry = spyRegistry(clock);
    registry.failNextRegisters(1);
    const { sleep, tick } = tickingSleep();
    const errors: unknown[] = [];
    const client = new RegistrationClient(registry, instance('a1'), {
      ttlMs: 90_000,
      heartbeatIntervalMs: 30_000,
      sleep,
      onError: (e: unknown) => errors.push(e),
    });
    const shutdown = new AbortController();

    const running = client.keepAlive(shutdown.signal);
    running.catch(() => {});
    await flush();
    tick(); // first heartbeat: unknown instance, so it registers again
    await flush();

    expect(
      (await registry.instances('orders')).map((i: any) => i.instanceId),
    ).toEqual(['a1']);
    expect(errors).toHaveLength(1);
    shutdown.abort();
    await running;
  });

  it('gives up on a hung instance at the deadline and retries an idempotent call on another one', async () => {
    const clock = { t: 0 };
    const registry = new InMemoryRegistry(() => clock.t);
    await registry.register(instance('a1'), 90_000);
    await registry.register(instance('a2'), 90_000);
    const discovery = new DiscoveryClient(registry, {
      cacheTtlMs: 30_000,
      now: () => clock.t,
      random: () => 0, // start with a1
    });
    const deadlines: AbortController[] = [];
    const called: string[] = [];

    const result = callByName(
      discovery,
      'orders',
      (baseUrl: string) => {
        called.push(baseUrl);
        return baseUrl.endsWith('.1:8080')
          ? new Promise(() => {}) // hangs and ignores the signal
          : Promise.resolve('ok from a2');
      },
      {
        timeoutMs: 500,
        idempotent: true,
        deadline: () => {
          const controller = new AbortController();
          deadlines.push(controller);
          return controller.signal;
        },
      },
    );
    await flush();
    deadlines[0]?.abort(new Error('deadline exceeded'));

    expect(await settlesOrHangs(result)).toBe('ok from a2');
    expect(called).toEqual(['http://10.0.0.1:8080', 'http://10.0.0.2:8080']);
  });

  it('does not send a failed non-idempotent call to a second instance', async () => {
    const clock = { t: 0 };
    const registry = new InMemoryRegistry(() => clock.t);
    await registry.register(instance('a1'), 90_000);
    await registry.register(instance('a2'), 90_000);
    const discovery = new DiscoveryClient(registry, {
      cacheTtlMs: 30_000,
      now: () => clock.t,
      random: () => 0,
    });
    const call = jest.fn(async () => {
      throw new Error('connection reset after the request was sent');
    });

    await expect(
      callByName(discovery, 'orders', call, {
        timeoutMs: 500,
        idempotent: false,
      }),
    ).rejects.toThrow('connection reset');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('evicts an instance whose heartbeats stop, while a cached caller still sees it until its refresh', async () => {
    const clock = { t: 0 };
    const registry = new InMemoryRegistry(() => clock.t);
    await registry.register(instance('a1'), 90_000);
    const discovery = new DiscoveryClient(registry, {
      cacheTtlMs: 30_000,
      now: () => clock.t,
      random: () => 0,
    });
    clock.t = 70_000;
    expect((await discovery.resolve('orders')).length).toBe(1); // cached at 70 s

    clock.t = 95_000; // no heartbeat since 0 s: the 90 s lease has expired
    expect(await registry.instances('orders')).toEqual([]);
    expect((await discovery.resolve('orders')).length).toBe(1); // the caller's cache is 25 s old

    clock.t = 100_000; // the cache expires and the refresh finds nothing
    await expect(discovery.choose('orders')).rejects.toBeInstanceOf(
      NoHealthyInstanceError,
    );
  });

  it('serves the last known list when the registry is unreachable', async () => {
    let down = false;
    let t = 0;
    const registry = {
      instances: async () => {
        if (down) throw new Error('registry down');
        return [instance('a1')];
      },
    };
    const discovery = new DiscoveryClient(registry, {
      cacheTtlMs: 1_000,
      now: () => t,
      random: () => 0,
    });
    await discovery.resolve('orders');
    down = true;
    t = 5_000;

    expect((await discovery.resolve('orders'))[0].instanceId).toBe('a1');
  });
});
