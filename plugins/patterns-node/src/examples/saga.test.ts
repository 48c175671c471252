import { loadExample } from './__testUtils__/loadExample';

const { SagaOrchestrator, validateSaga, checkoutSaga } = loadExample('saga');

type Calls = string[];

const noSleep = () => Promise.resolve();

/** A step that records its action and compensation, and optionally fails. */
function step(
  calls: Calls,
  name: string,
  kind: string,
  opts: { fail?: boolean; failTimes?: number; maxAttempts?: number } = {},
) {
  let failuresLeft = opts.failTimes ?? (opts.fail ? Infinity : 0);
  return {
    name,
    kind,
    maxAttempts: opts.maxAttempts,
    action: async () => {
      calls.push(`do:${name}`);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error(`${name} failed`);
      }
    },
    compensate:
      kind === 'compensable'
        ? async () => {
            calls.push(`undo:${name}`);
          }
        : undefined,
  };
}

describe('saga example', () => {
  it('runs every step in order when nothing fails', async () => {
    const calls: Calls = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'a', 'compensable'),
        step(calls, 'b', 'compensable'),
        step(calls, 'pivot', 'pivot'),
        step(calls, 'r', 'retryable'),
      ],
      { sleep: noSleep },
    );
    const result = await saga.run('s1', {});
    expect(result.status).toBe('completed');
    expect(result.completed).toEqual(['a', 'b', 'pivot', 'r']);
    expect(calls).toEqual(['do:a', 'do:b', 'do:pivot', 'do:r']);
    expect(result.compensated).toEqual([]);
  });

  it('compensates completed steps in reverse order when the pivot fails', async () => {
    const calls: Calls = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'create-order', 'compensable'),
        step(calls, 'reserve-stock', 'compensable'),
        step(calls, 'hold-credit', 'compensable'),
        step(calls, 'capture-payment', 'pivot', { fail: true }),
        step(calls, 'ship', 'retryable'),
      ],
      { sleep: noSleep },
    );
    const result = await saga.run('s2', {});
    expect(result.status).toBe('compensated');
    expect(result.failedStep).toBe('capture-payment');
    expect(result.compensated).toEqual([
      'hold-credit',
      'reserve-stock',
      'create-order',
    ]);
    expect(calls).toEqual([
      'do:create-order',
      'do:reserve-stock',
      'do:hold-credit',
      'do:capture-payment',
      'undo:hold-credit',
      'undo:reserve-stock',
      'undo:create-order',
    ]);
    expect(calls).not.toContain('do:ship');
  });

  it('compensates only the steps that completed, never the failed one or later ones', async () => {
    const calls: Calls = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'a', 'compensable'),
        step(calls, 'b', 'compensable', { fail: true }),
        step(calls, 'c', 'compensable'),
        step(calls, 'pivot', 'pivot'),
      ],
      { sleep: noSleep },
    );
    const result = await saga.run('s3', {});
    expect(result.status).toBe('compensated');
    expect(result.completed).toEqual(['a']);
    expect(result.compensated).toEqual(['a']);
    expect(calls).toEqual(['do:a', 'do:b', 'undo:a']);
  });

  it('retries a retryable step after the pivot with backoff instead of compensating', async () => {
    const calls: Calls = [];
    const sleeps: number[] = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'a', 'compensable'),
        step(calls, 'pivot', 'pivot'),
        step(calls, 'ship', 'retryable', { failTimes: 2, maxAttempts: 5 }),
      ],
      { sleep: async (ms: number) => void sleeps.push(ms), retryDelayMs: 100 },
    );
    const result = await saga.run('s4', {});
    expect(result.status).toBe('completed');
    expect(calls).toEqual([
      'do:a',
      'do:pivot',
      'do:ship',
      'do:ship',
      'do:ship',
    ]);
    expect(sleeps).toEqual([100, 200]);
    expect(calls).not.toContain('undo:a');
  });

  it('marks the saga stuck, without compensating, when a retryable step exhausts its attempts', async () => {
    const calls: Calls = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'a', 'compensable'),
        step(calls, 'pivot', 'pivot'),
        step(calls, 'ship', 'retryable', { fail: true, maxAttempts: 3 }),
      ],
      { sleep: noSleep },
    );
    const result = await saga.run('s5', {});
    expect(result.status).toBe('stuck');
    expect(result.failedStep).toBe('ship');
    expect(calls.filter(c => c === 'do:ship')).toHaveLength(3);
    expect(calls).not.toContain('undo:a');
  });

  it('retries a failing compensation and reports compensation-failed when it never succeeds', async () => {
    const calls: Calls = [];
    const stubborn = {
      name: 'a',
      kind: 'compensable',
      action: async () => void calls.push('do:a'),
      compensate: async () => {
        calls.push('undo:a');
        throw new Error('inventory down');
      },
    };
    const saga = new SagaOrchestrator(
      [stubborn, step(calls, 'pivot', 'pivot', { fail: true })],
      {
        sleep: noSleep,
        compensationAttempts: 3,
      },
    );
    const result = await saga.run('s6', {});
    expect(result.status).toBe('compensation-failed');
    expect(calls.filter(c => c === 'undo:a')).toHaveLength(3);
  });

  it('persists each transition to the state store', async () => {
    const calls: Calls = [];
    const saved: string[] = [];
    const saga = new SagaOrchestrator(
      [
        step(calls, 'a', 'compensable'),
        step(calls, 'pivot', 'pivot', { fail: true }),
      ],
      {
        sleep: noSleep,
        store: {
          save: async (_id: string, state: { status: string }) =>
            void saved.push(state.status),
        },
      },
    );
    await saga.run('s7', {});
    expect(saved[0]).toBe('running');
    expect(saved).toContain('compensating');
    expect(saved.at(-1)).toBe('compensated');
  });

  it('rejects step lists that break the compensable, pivot, retryable order', () => {
    const calls: Calls = [];
    expect(() =>
      validateSaga([
        step(calls, 'p', 'pivot'),
        step(calls, 'a', 'compensable'),
      ]),
    ).toThrow();
    expect(() =>
      validateSaga([step(calls, 'p1', 'pivot'), step(calls, 'p2', 'pivot')]),
    ).toThrow();
    expect(() =>
      validateSaga([
        { name: 'x', kind: 'compensable', action: async () => {} },
      ]),
    ).toThrow(/compensate/);
  });

  it('undoes the checkout in reverse when the payment is declined', async () => {
    const calls: Calls = [];
    const services = {
      orders: {
        createPending: async () => void calls.push('orders.createPending'),
        reject: async () => void calls.push('orders.reject'),
        approve: async () => void calls.push('orders.approve'),
      },
      inventory: {
        reserve: async () => void calls.push('inventory.reserve'),
        release: async () => void calls.push('inventory.release'),
      },
      payments: {
        capture: async () => {
          calls.push('payments.capture');
          throw new Error('card declined');
        },
      },
      shipping: { schedule: async () => void calls.push('shipping.schedule') },
    };
    const saga = new SagaOrchestrator(checkoutSaga(services), {
      sleep: noSleep,
    });
    const result = await saga.run('order-1', {
      orderId: 'o1',
      customerId: 'c1',
      items: [{ sku: 'x', qty: 1 }],
      amountCents: 500,
    });
    expect(result.status).toBe('compensated');
    expect(calls).toEqual([
      'orders.createPending',
      'inventory.reserve',
      'payments.capture',
      'inventory.release',
      'orders.reject',
    ]);
  });
});
