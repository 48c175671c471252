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
  it('opens with fewer calls than minimumNumberOfCalls when the window is smaller, as resilience4j does', async () => {
    // resilience4j caps minimumNumberOfCalls at slidingWindowSize for count-based windows;
    // otherwise a window of 4 could never hold the 10 calls needed to evaluate the rate.
    const { breaker } = setup({ minimumNumberOfCalls: 10 });
    for (let i = 0; i < 4; i++) await run(breaker, boom);
    expect(breaker.failureRate()).toBe(100);
    expect(breaker.state).toBe('OPEN');
  });

  it('ignores a late failure from a call permitted before the breaker opened and closed again', async () => {
    const { breaker, advance, transitions } = setup();
    const slow1 = deferred<string>();
    const slow2 = deferred<string>();
    const late1 = run(breaker, () => slow1.promise); // permitted while CLOSED
    const late2 = run(breaker, () => slow2.promise);
    await openBreaker(breaker);
    advance(1000);
    await run(breaker, ok); // two successful trials close it again
    await run(breaker, ok);
    expect(breaker.state).toBe('CLOSED');
    await run(breaker, ok);
    await run(breaker, ok);

    // The old calls fail only now. They belong to the earlier closed period and must
    // not count in the new window (2 of 4 failed would re-open it).
    slow1.reject(new Error('late'));
    slow2.reject(new Error('late'));
    await late1;
    await late2;
    expect(breaker.state).toBe('CLOSED');
    expect(transitions).toEqual([
      'CLOSED->OPEN',
      'OPEN->HALF_OPEN',
      'HALF_OPEN->CLOSED',
    ]);
  });

  it('ignores a late success from an earlier half-open round', async () => {
    const { breaker, advance } = setup({
      maxWaitDurationInHalfOpenStateMs: 60_000,
    });
    await openBreaker(breaker);
    advance(1000);
    const hung = deferred<string>();
    const oldTrial = run(breaker, () => hung.promise); // round 1, trial A: still running
    await run(breaker, boom); // round 1, trial B fails: re-open
    expect(breaker.state).toBe('OPEN');

    advance(1000);
    expect(breaker.state).toBe('HALF_OPEN'); // round 2
    const second = deferred<string>();
    const third = deferred<string>();
    const trialC = run(breaker, () => second.promise);
    const trialD = run(breaker, () => third.promise);

    hung.resolve('late'); // round 1's trial answers now: it proves nothing about round 2
    await oldTrial;
    second.resolve('c');
    await trialC;
    expect(breaker.state).toBe('HALF_OPEN'); // D, a real round-2 trial, has not answered yet

    third.resolve('d');
    await trialD;
    expect(breaker.state).toBe('CLOSED');
  });

  it('ignores a late failure from an earlier half-open round', async () => {
    const { breaker, advance } = setup({
      maxWaitDurationInHalfOpenStateMs: 60_000,
    });
    await openBreaker(breaker);
    advance(1000);
    const hung = deferred<string>();
    const oldTrial = run(breaker, () => hung.promise);
    await run(breaker, boom);
    advance(1000);
    expect(breaker.state).toBe('HALF_OPEN');

    hung.reject(new Error('late')); // must not re-open round 2
    await oldTrial;
    expect(breaker.state).toBe('HALF_OPEN');
    await run(breaker, ok);
    await run(breaker, ok);
    expect(breaker.state).toBe('CLOSED');
  });

  it('bounds a half-open round so a hung trial cannot hold its permit forever', async () => {
    const { breaker, advance, transitions } = setup({
      permittedNumberOfCallsInHalfOpenState: 1,
      maxWaitDurationInHalfOpenStateMs: 500,
    });
    await openBreaker(breaker);
    advance(1000);
    const hung = deferred<string>();
    const trial = run(breaker, () => hung.promise); // never answers on its own
    advance(499);
    const rejected = await run(breaker, ok);
    expect(rejected).toBeInstanceOf(CallNotPermittedError);
    expect(rejected.retryAfterMs).toBe(1);

    advance(1);
    expect(breaker.state).toBe('OPEN'); // the round timed out: treated as a failed trial
    advance(1000);
    expect(breaker.state).toBe('HALF_OPEN');
    await expect(breaker.execute(ok)).resolves.toBe('ok'); // a fresh permit
    expect(breaker.state).toBe('CLOSED');

    hung.resolve('very late'); // the abandoned trial changes nothing
    await trial;
    expect(breaker.state).toBe('CLOSED');
    expect(transitions).toEqual([
      'CLOSED->OPEN',
      'OPEN->HALF_OPEN',
      'HALF_OPEN->OPEN',
      'OPEN->HALF_OPEN',
      'HALF_OPEN->CLOSED',
    ]);
  });

  it('bounds the half-open round by the open wait when no bound is configured', async () => {
    const { breaker, advance } = setup({
      permittedNumberOfCallsInHalfOpenState: 1,
    });
    await openBreaker(breaker);
    advance(1000);
    const hung = deferred<string>();
    void run(breaker, () => hung.promise);
    advance(1000); // waitDurationInOpenStateMs
    expect(breaker.state).toBe('OPEN');
  });

  it('does not close a round whose trial answers after the bound', async () => {
    const { breaker, advance } = setup({
      permittedNumberOfCallsInHalfOpenState: 1,
      maxWaitDurationInHalfOpenStateMs: 500,
    });
    await openBreaker(breaker);
    advance(1000);
    const slow = deferred<string>();
    const trial = run(breaker, () => slow.promise);
    advance(600); // nobody looked at the breaker in between
    slow.resolve('too late');
    await trial;
    expect(breaker.state).toBe('OPEN');
  });
  it('serves the last known value only when the dependency is unavailable, not when it says no', async () => {
    const { breaker } = setup({ recordFailure: countServerErrorsOnly });
    const client = { stockLevel: jest.fn(async (_sku: string) => 7) };
    const inventory = guardedInventory(client, breaker);
    await inventory.stockLevel('sku-1');

    client.stockLevel.mockRejectedValueOnce(new HttpStatusError(404)); // the SKU is gone
    await expect(inventory.stockLevel('sku-1')).rejects.toEqual(
      new HttpStatusError(404),
    );
    client.stockLevel.mockRejectedValueOnce(new HttpStatusError(503));
    await expect(inventory.stockLevel('sku-1')).resolves.toEqual({
      level: 7,
      stale: true,
    });
  });

  it('keeps the cache of last known values bounded', async () => {
    const { breaker, advance } = setup();
    const client = {
      stockLevel: jest.fn(async (sku: string) => Number(sku.slice(4))),
    };
    const inventory = guardedInventory(client, breaker, { maxEntries: 2 });
    for (const sku of ['sku-1', 'sku-2', 'sku-1', 'sku-3']) {
      await inventory.stockLevel(sku); // sku-2 is now the least recently refreshed
    }
    client.stockLevel.mockRejectedValue(new Error('down'));
    for (let i = 0; i < 4; i++) await run(breaker, boom);
    expect(breaker.state).toBe('OPEN');
    advance(1);
    await expect(inventory.stockLevel('sku-1')).resolves.toEqual({
      level: 1,
      stale: true,
    });
    await expect(inventory.stockLevel('sku-3')).resolves.toEqual({
      level: 3,
      stale: true,
    });
    await expect(inventory.stockLevel('sku-2')).rejects.toBeInstanceOf(
      CallNotPermittedError,
    );
  });
});
