import { loadExample } from './__testUtils__/loadExample';

const {
  SagaOrchestrator,
  InMemorySagaStore,
  SagaConflictError,
  StepRejected,
  validateSaga,
  checkoutSaga,
} = loadExample('saga');

type Calls = string[];

const noSleep = () => Promise.resolve();

interface StepOptions {
  /** Throw StepRejected: a definite business "no". */
  reject?: boolean;
  /** Throw a plain error (timeout) this many times; Infinity for always. */
  failTimes?: number;
  /** The action commits before the error, as when a response is lost. */
  commitsBeforeFailing?: boolean;
  maxAttempts?: number;
}

/**
 * A step backed by a participant that deduplicates on the idempotency key, so
 * `effects` shows what really happened downstream and `calls` what was sent.
 */
function step(
  calls: Calls,
  effects: Calls,
  name: string,
  kind: string,
  opts: StepOptions = {},
) {
  let failuresLeft = opts.failTimes ?? 0;
  const seen = new Set<string>();
  return {
    name,
    kind,
    maxAttempts: opts.maxAttempts,
    action: async (_ctx: unknown, call: { idempotencyKey: string }) => {
      calls.push(`do:${name}:${call.idempotencyKey}`);
      if (opts.reject) throw new StepRejected(`${name} refused`);
      if (failuresLeft > 0 && !opts.commitsBeforeFailing) {
        failuresLeft--;
        throw new Error(`${name} timed out`);
      }
      if (!seen.has(call.idempotencyKey)) {
        seen.add(call.idempotencyKey);
        effects.push(`do:${name}`);
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error(`${name} timed out`);
      }
    },
    compensate:
      kind === 'compensable'
        ? async () => {
            calls.push(`undo:${name}`);
            effects.push(`undo:${name}`);
          }
        : undefined,
  };
}

function orchestrator(steps: unknown[], options: Record<string, unknown> = {}) {
  return new SagaOrchestrator(steps, {
    sleep: noSleep,
    store: new InMemorySagaStore(),
    ...options,
  });
}

/** A store that "crashes the process" (throws) on the first save matching the predicate. */
function crashingStore(crashOn: (state: any) => boolean) {
  const store = new InMemorySagaStore();
  let armed = true;
  return {
    store,
    load: (id: string) => store.load(id),
    save: async (state: any, expected: number) => {
      if (armed && crashOn(state)) {
        armed = false;
        throw new Error('process killed');
      }
      return store.save(state, expected);
    },
  };
}

describe('saga example', () => {
  it('runs every step in order when nothing fails and saves the outcome', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const store = new InMemorySagaStore();
    const saga = orchestrator(
      [
        step(calls, effects, 'a', 'compensable'),
        step(calls, effects, 'b', 'compensable'),
        step(calls, effects, 'pivot', 'pivot'),
        step(calls, effects, 'r', 'retryable'),
      ],
      { store },
    );
    const result = await saga.run('s1', {});
    expect(result.status).toBe('completed');
    expect(result.completed).toEqual(['a', 'b', 'pivot', 'r']);
    expect(effects).toEqual(['do:a', 'do:b', 'do:pivot', 'do:r']);
    expect(calls).toEqual([
      'do:a:s1:a',
      'do:b:s1:b',
      'do:pivot:s1:pivot',
      'do:r:s1:r',
    ]);
    expect(await store.load('s1')).toMatchObject({
      status: 'completed',
      completed: ['a', 'b', 'pivot', 'r'],
    });
  });

  it('compensates completed steps in reverse order when the pivot is rejected, without retrying the rejection', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const saga = orchestrator([
      step(calls, effects, 'create-order', 'compensable'),
      step(calls, effects, 'reserve-stock', 'compensable'),
      step(calls, effects, 'hold-credit', 'compensable'),
      step(calls, effects, 'capture-payment', 'pivot', { reject: true }),
      step(calls, effects, 'ship', 'retryable'),
    ]);
    const result = await saga.run('s2', {});
    expect(result.status).toBe('compensated');
    expect(result.failedStep).toBe('capture-payment');
    expect(result.compensated).toEqual([
      'hold-credit',
      'reserve-stock',
      'create-order',
    ]);
    expect(calls.filter(c => c.startsWith('do:capture-payment'))).toHaveLength(
      1,
    );
    expect(effects).toEqual([
      'do:create-order',
      'do:reserve-stock',
      'do:hold-credit',
      'undo:hold-credit',
      'undo:reserve-stock',
      'undo:create-order',
    ]);
  });

  it('does not compensate a step that was definitely rejected, nor later ones', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const saga = orchestrator([
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'b', 'compensable', { reject: true }),
      step(calls, effects, 'c', 'compensable'),
      step(calls, effects, 'pivot', 'pivot'),
    ]);
    const result = await saga.run('s3', {});
    expect(result.status).toBe('compensated');
    expect(result.completed).toEqual(['a']);
    expect(result.compensated).toEqual(['a']);
    expect(effects).toEqual(['do:a', 'undo:a']);
  });

  it('retries a step whose outcome is unknown with the same idempotency key instead of treating it as failed', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const saga = orchestrator([
      step(calls, effects, 'a', 'compensable'),
      // The capture charges the card, then the response times out.
      step(calls, effects, 'capture', 'pivot', {
        failTimes: 1,
        commitsBeforeFailing: true,
      }),
      step(calls, effects, 'ship', 'retryable'),
    ]);
    const result = await saga.run('s4', {});
    expect(result.status).toBe('completed');
    expect(calls.filter(c => c.startsWith('do:capture'))).toEqual([
      'do:capture:s4:capture',
      'do:capture:s4:capture',
    ]);
    expect(effects).toEqual(['do:a', 'do:capture', 'do:ship']); // charged once
  });

  it('compensates a compensable step whose outcome stayed unknown, because it may have committed', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const saga = orchestrator([
      step(calls, effects, 'a', 'compensable'),
      // Reserves stock, then every response is lost.
      step(calls, effects, 'reserve', 'compensable', {
        failTimes: Infinity,
        commitsBeforeFailing: true,
        maxAttempts: 3,
      }),
      step(calls, effects, 'pivot', 'pivot'),
    ]);
    const result = await saga.run('s5', {});
    expect(result.status).toBe('compensated');
    expect(calls.filter(c => c.startsWith('do:reserve'))).toHaveLength(3);
    expect(result.compensated).toEqual(['reserve', 'a']);
    expect(effects).toEqual(['do:a', 'do:reserve', 'undo:reserve', 'undo:a']);
  });

  it('stops as stuck, without compensating, when the pivot outcome stays unknown, and finishes on resume', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const store = new InMemorySagaStore();
    const steps = [
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'capture', 'pivot', { failTimes: 3 }),
      step(calls, effects, 'ship', 'retryable'),
    ];
    const first = await orchestrator(steps, { store }).run('s6', {});
    expect(first.status).toBe('stuck');
    expect(first.failedStep).toBe('capture');
    expect(effects).toEqual(['do:a']); // not compensated: the card may have been charged

    const resumed = await orchestrator(steps, { store }).resume('s6');
    expect(resumed.status).toBe('completed');
    expect(calls.filter(c => c.startsWith('do:capture'))).toEqual(
      Array(4).fill('do:capture:s6:capture'),
    );
    expect(effects).toEqual(['do:a', 'do:capture', 'do:ship']);
  });

  it('retries a retryable step after the pivot with capped exponential backoff instead of compensating', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const sleeps: number[] = [];
    const saga = orchestrator(
      [
        step(calls, effects, 'a', 'compensable'),
        step(calls, effects, 'pivot', 'pivot'),
        step(calls, effects, 'ship', 'retryable', {
          failTimes: 3,
          maxAttempts: 5,
        }),
      ],
      {
        sleep: async (ms: number) => void sleeps.push(ms),
        retryDelayMs: 100,
        maxRetryDelayMs: 300,
      },
    );
    const result = await saga.run('s7', {});
    expect(result.status).toBe('completed');
    expect(sleeps).toEqual([100, 200, 300]);
    expect(effects).toEqual(['do:a', 'do:pivot', 'do:ship']);
  });

  it('marks the saga stuck, without compensating, when a retryable step exhausts its attempts', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const saga = orchestrator([
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'pivot', 'pivot'),
      step(calls, effects, 'ship', 'retryable', {
        failTimes: Infinity,
        maxAttempts: 3,
      }),
    ]);
    const result = await saga.run('s8', {});
    expect(result.status).toBe('stuck');
    expect(result.failedStep).toBe('ship');
    expect(calls.filter(c => c.startsWith('do:ship'))).toHaveLength(3);
    expect(effects).not.toContain('undo:a');
  });

  it('resumes after a crash without repeating completed steps, re-sending the in-flight one with the same key', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const steps = [
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'b', 'compensable'),
      step(calls, effects, 'pivot', 'pivot'),
    ];
    // The process dies after b committed but before that was recorded.
    const crashing = crashingStore(s => s.completed.includes('b'));
    await expect(
      orchestrator(steps, { store: crashing }).run('s9', {}),
    ).rejects.toThrow('process killed');
    expect(await crashing.load('s9')).toMatchObject({
      status: 'running',
      completed: ['a'],
      pending: 'b',
    });

    const result = await orchestrator(steps, { store: crashing }).resume('s9');
    expect(result.status).toBe('completed');
    expect(calls).toEqual([
      'do:a:s9:a',
      'do:b:s9:b',
      'do:b:s9:b', // re-sent with the same key, deduplicated by the participant
      'do:pivot:s9:pivot',
    ]);
    expect(effects).toEqual(['do:a', 'do:b', 'do:pivot']);
  });

  it('resumes an interrupted compensation without undoing a step twice', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    const steps = [
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'b', 'compensable'),
      step(calls, effects, 'pivot', 'pivot', { reject: true }),
    ];
    const crashing = crashingStore(s => s.compensated.includes('a'));
    await expect(
      orchestrator(steps, { store: crashing }).run('s10', {}),
    ).rejects.toThrow('process killed');
    expect(await crashing.load('s10')).toMatchObject({
      status: 'compensating',
      compensated: ['b'],
    });

    const result = await orchestrator(steps, { store: crashing }).resume('s10');
    expect(result.status).toBe('compensated');
    expect(effects).toEqual(['do:a', 'do:b', 'undo:b', 'undo:a', 'undo:a']);
    expect(effects.filter(e => e === 'undo:b')).toHaveLength(1);
  });

  it('never forgets a failing compensation: it is saved as compensation-failed and finished on resume', async () => {
    const calls: Calls = [];
    const effects: Calls = [];
    let inventoryUp = false;
    const stubborn = {
      name: 'reserve',
      kind: 'compensable',
      action: async () => void effects.push('do:reserve'),
      compensate: async () => {
        calls.push('undo:reserve');
        if (!inventoryUp) throw new Error('inventory down');
        effects.push('undo:reserve');
      },
    };
    const store = new InMemorySagaStore();
    const steps = [
      step(calls, effects, 'order', 'compensable'),
      stubborn,
      step(calls, effects, 'pivot', 'pivot', { reject: true }),
    ];
    const first = await orchestrator(steps, {
      store,
      compensationAttempts: 3,
    }).run('s11', {});
    expect(first.status).toBe('compensation-failed');
    expect(calls.filter(c => c === 'undo:reserve')).toHaveLength(3);
    expect(effects).not.toContain('undo:order'); // order kept: reverse order holds
    expect(await store.load('s11')).toMatchObject({
      status: 'compensation-failed',
    });

    inventoryUp = true;
    const resumed = await orchestrator(steps, { store }).resume('s11');
    expect(resumed.status).toBe('compensated');
    expect(resumed.compensated).toEqual(['reserve', 'order']);
    expect(effects).toEqual([
      'do:order',
      'do:reserve',
      'undo:reserve',
      'undo:order',
    ]);
  });

  it('lets only one orchestrator drive a saga (compare-and-set on the saved version)', async () => {
    const store = new InMemorySagaStore();
    const calls: Calls = [];
    const effects: Calls = [];
    const steps = [
      step(calls, effects, 'a', 'compensable'),
      step(calls, effects, 'p', 'pivot'),
    ];
    await orchestrator(steps, { store }).run('s12', {});
    await expect(
      orchestrator(steps, { store }).run('s12', {}),
    ).rejects.toBeInstanceOf(SagaConflictError);

    const state = await store.load('s12');
    await store.save({ ...state, version: state.version + 1 }, state.version);
    await expect(
      store.save({ ...state, version: state.version + 1 }, state.version),
    ).rejects.toBeInstanceOf(SagaConflictError);
  });

  it('rejects step lists that break the compensable, pivot, retryable order', () => {
    const calls: Calls = [];
    const effects: Calls = [];
    expect(() =>
      validateSaga([
        step(calls, effects, 'p', 'pivot'),
        step(calls, effects, 'a', 'compensable'),
      ]),
    ).toThrow();
    expect(() =>
      validateSaga([
        step(calls, effects, 'p1', 'pivot'),
        step(calls, effects, 'p2', 'pivot'),
      ]),
    ).toThrow();
    expect(() =>
      validateSaga([
        step(calls, effects, 'a', 'compensable'),
        step(calls, effects, 'a', 'compensable'),
      ]),
    ).toThrow(/duplicate/);
    expect(() =>
      validateSaga([
        { name: 'x', kind: 'compensable', action: async () => {} },
      ]),
    ).toThrow(/compensate/);
  });

  describe('checkout', () => {
    function services(capture: (key: string) => Promise<string>) {
      const calls: Calls = [];
      return {
        calls,
        svc: {
          orders: {
            createPending: async (_c: unknown, key: string) =>
              void calls.push(`orders.createPending ${key}`),
            reject: async (_id: string, key: string) =>
              void calls.push(`orders.reject ${key}`),
            approve: async (_id: string, key: string) =>
              void calls.push(`orders.approve ${key}`),
          },
          inventory: {
            reserve: async (_id: string, _items: unknown, key: string) =>
              void calls.push(`inventory.reserve ${key}`),
            release: async (_id: string, key: string) =>
              void calls.push(`inventory.release ${key}`),
          },
          payments: {
            capture: async (_id: string, _amount: number, key: string) => {
              calls.push(`payments.capture ${key}`);
              return capture(key);
            },
          },
          shipping: {
            schedule: async (_id: string, key: string) =>
              void calls.push(`shipping.schedule ${key}`),
          },
        },
      };
    }
    const ctx = {
      orderId: 'o1',
      customerId: 'c1',
      items: [{ sku: 'x', qty: 1 }],
      amountCents: 500,
    };

    it('undoes the checkout in reverse when the card is declined after a timeout', async () => {
      let attempt = 0;
      const { calls, svc } = services(async () => {
        if (++attempt === 1) throw new Error('payment gateway timeout');
        throw new StepRejected('card declined');
      });
      const result = await orchestrator(checkoutSaga(svc)).run('order-1', ctx);
      expect(result.status).toBe('compensated');
      expect(calls).toEqual([
        'orders.createPending order-1:create-order',
        'inventory.reserve order-1:reserve-stock',
        'payments.capture order-1:capture-payment',
        'payments.capture order-1:capture-payment',
        'inventory.release order-1:reserve-stock:compensate',
        'orders.reject order-1:create-order:compensate',
      ]);
    });

    it('ships and approves once the payment is captured, keeping the payment id', async () => {
      const store = new InMemorySagaStore();
      const { calls, svc } = services(async () => 'pay-9');
      const result = await orchestrator(checkoutSaga(svc), { store }).run(
        'order-2',
        ctx,
      );
      expect(result.status).toBe('completed');
      expect(calls.slice(-2)).toEqual([
        'shipping.schedule order-2:schedule-shipping',
        'orders.approve order-2:approve-order',
      ]);
      expect((await store.load('order-2')).ctx.paymentId).toBe('pay-9');
    });
  });
});
