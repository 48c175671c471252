import { loadExample } from './__testUtils__/loadExample';

const {
  CircuitBreaker,
  CallNotPermittedError,
  RESILIENCE4J_DEFAULTS,
  HttpStatusError,
  countServerErrorsOnly,
  guardedInventory,
} = loadExample('circuit-breaker');

const ok = () => Promise.resolve('ok');
const boom = () => Promise.reject(new Error('boom'));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(overrides: Record<string, unknown> = {}) {
  let time = 0;
  const transitions: string[] = [];
  const breaker = new CircuitBreaker('inventory', {
    failureRateThreshold: 50,
    slidingWindowSize: 4,
    minimumNumberOfCalls: 4,
    waitDurationInOpenStateMs: 1000,
    permittedNumberOfCallsInHalfOpenState: 2,
    now: () => time,
    onStateChange: (from: string, to: string) =>
      transitions.push(`${from}->${to}`),
    ...overrides,
  });
  const advance = (ms: number) => {
    time += ms;
  };
  return { breaker, transitions, advance };
}

/** Runs a call through the breaker and returns its result or its error. */
async function run(breaker: any, call: () => Promise<unknown>) {
  try {
    return await breaker.execute(call);
  } catch (error) {
    return error;
  }
}

async function openBreaker(breaker: any) {
  for (const call of [ok, ok, boom, boom]) await run(breaker, call);
  expect(breaker.state).toBe('OPEN');
}

describe('circuit-breaker example', () => {
  it('uses the resilience4j defaults it documents', () => {
    expect(RESILIENCE4J_DEFAULTS).toEqual({
      failureRateThreshold: 50,
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
  });

  it('stays closed until the minimum number of calls is recorded', async () => {
    const { breaker } = setup();
    for (let i = 0; i < 3; i++) await run(breaker, boom);
    expect(breaker.failureRate()).toBe(-1);
    expect(breaker.state).toBe('CLOSED');
  });

  it('stays closed below the threshold and opens when the window reaches it', async () => {
    const { breaker, transitions } = setup();
    for (const call of [ok, ok, ok, boom]) await run(breaker, call);
    expect(breaker.failureRate()).toBe(25);
    expect(breaker.state).toBe('CLOSED');

    // The window slides: the oldest success drops out, 2 of the last 4 calls failed = 50%.
    await run(breaker, boom);
    expect(breaker.state).toBe('OPEN');
    expect(transitions).toEqual(['CLOSED->OPEN']);
  });

  it('fails fast while open without calling the dependency', async () => {
    const { breaker, advance } = setup();
    await openBreaker(breaker);
    const call = jest.fn(ok);

    advance(999);
    const error = await run(breaker, call);
    expect(error).toBeInstanceOf(CallNotPermittedError);
    expect(error.retryAfterMs).toBe(1);
    expect(call).not.toHaveBeenCalled();
    expect(breaker.state).toBe('OPEN');
  });

  it('half-opens after the wait, limits trial calls and closes when they succeed', async () => {
    const { breaker, advance, transitions } = setup();
    await openBreaker(breaker);
    advance(1000);
    expect(breaker.state).toBe('HALF_OPEN');

    const first = deferred<string>();
    const second = deferred<string>();
    const trial1 = breaker.execute(() => first.promise);
    const trial2 = breaker.execute(() => second.promise);
    const extra = jest.fn(ok);
    // Only the permitted number of trial calls may run at once.
    expect(await run(breaker, extra)).toBeInstanceOf(CallNotPermittedError);
    expect(extra).not.toHaveBeenCalled();

    first.resolve('a');
    await expect(trial1).resolves.toBe('a');
    expect(breaker.state).toBe('HALF_OPEN');
    second.resolve('b');
    await expect(trial2).resolves.toBe('b');

    expect(breaker.state).toBe('CLOSED');
    expect(breaker.failureRate()).toBe(-1); // a closed breaker starts with an empty window
    expect(transitions).toEqual([
      'CLOSED->OPEN',
      'OPEN->HALF_OPEN',
      'HALF_OPEN->CLOSED',
    ]);
  });

  it('re-opens on a failed trial call and waits again', async () => {
    const { breaker, advance, transitions } = setup();
    await openBreaker(breaker);
    advance(1000);

    const error = await run(breaker, boom);
    expect(error).toEqual(new Error('boom')); // the trial's own error reaches the caller
    expect(breaker.state).toBe('OPEN');
    expect(await run(breaker, ok)).toBeInstanceOf(CallNotPermittedError);

    advance(1000);
    expect(breaker.state).toBe('HALF_OPEN');
    expect(transitions).toEqual([
      'CLOSED->OPEN',
      'OPEN->HALF_OPEN',
      'HALF_OPEN->OPEN',
      'OPEN->HALF_OPEN',
    ]);
  });

  it('does not count client errors as failures of the dependency', async () => {
    const { breaker } = setup({ recordFailure: countServerErrorsOnly });
    for (let i = 0; i < 4; i++) {
      await run(breaker, () => Promise.reject(new HttpStatusError(404)));
    }
    expect(breaker.failureRate()).toBe(0);
    expect(breaker.state).toBe('CLOSED');

    for (let i = 0; i < 2; i++) {
      await run(breaker, () => Promise.reject(new HttpStatusError(503)));
    }
    expect(breaker.state).toBe('OPEN');
    expect(countServerErrorsOnly(new HttpStatusError(429))).toBe(true);
    expect(countServerErrorsOnly(new Error('ECONNRESET'))).toBe(true);
  });

  it('falls back to the last known value while the breaker is open', async () => {
    const { breaker } = setup();
    const client = { stockLevel: jest.fn(async (_sku: string) => 7) };
    const inventory = guardedInventory(client, breaker);
    await expect(inventory.stockLevel('sku-1')).resolves.toEqual({
      level: 7,
      stale: false,
    });

    client.stockLevel.mockRejectedValue(new Error('down'));
    for (let i = 0; i < 3; i++) await inventory.stockLevel('sku-1');
    expect(breaker.state).toBe('OPEN');

    client.stockLevel.mockClear();
    await expect(inventory.stockLevel('sku-1')).resolves.toEqual({
      level: 7,
      stale: true,
    });
    expect(client.stockLevel).not.toHaveBeenCalled();
    await expect(inventory.stockLevel('unknown')).rejects.toBeInstanceOf(
      CallNotPermittedError,
    );
  });
});
