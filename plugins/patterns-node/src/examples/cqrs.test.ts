import { loadExample } from './__testUtils__/loadExample';

const {
  OrderCommandHandler,
  CommandRejected,
  ConcurrencyConflict,
  CheckpointMoved,
  InMemoryOrderStore,
  InMemoryReadModelStore,
  CustomerSummaryProjection,
  CustomerQueries,
  LOG_START,
  rebuildReadModel,
} = loadExample('cqrs');

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(res => {
    resolve = res;
  });
  return { promise, resolve };
}

/** Lets pending promise callbacks run. */
const flush = () => new Promise<void>(resolve => setImmediate(resolve));

function setup(hooks: { beforeCommit?: (txId: number) => Promise<void> } = {}) {
  const store = new InMemoryOrderStore(hooks);
  let t = 100;
  const commands = new OrderCommandHandler(store, () => t++);
  const readModel = new InMemoryReadModelStore();
  const projection = new CustomerSummaryProjection(readModel);
  const queries = new CustomerQueries(readModel);
  return { store, commands, readModel, projection, queries };
}

const order = (
  orderId: string,
  customerId: string,
  priceCents: number,
  qty = 1,
) => ({
  orderId,
  customerId,
  lines: [{ priceCents, qty }],
});

describe('cqrs example', () => {
  it('validates commands on the write side and records an event per change', async () => {
    const { store, commands } = setup();
    const at = await commands.placeOrder(order('o1', 'c1', 250, 2));
    expect(at).toEqual({ txId: 1, position: 1 });
    const [logged] = await store.readCommittedAfter(LOG_START, 10);
    expect(logged.event).toMatchObject({
      type: 'OrderPlaced',
      orderId: 'o1',
      totalCents: 500,
    });

    await expect(
      commands.placeOrder(order('o1', 'c1', 1)),
    ).rejects.toBeInstanceOf(CommandRejected);
    await expect(
      commands.placeOrder({ orderId: 'o2', customerId: 'c1', lines: [] }),
    ).rejects.toThrow(/at least one line/);
    await expect(commands.shipOrder('missing')).rejects.toBeInstanceOf(
      CommandRejected,
    );
    expect(await store.readCommittedAfter(LOG_START, 10)).toHaveLength(1);
  });

  it('rejects negative, zero and fractional quantities and negative prices', async () => {
    // A store that accepts anything, so only the handler's validation can reject.
    const log: unknown[] = [];
    const permissive = {
      async transaction<T>(fn: (tx: any) => Promise<T>): Promise<T> {
        return fn({
          getOrder: async () => undefined,
          saveOrder: async () => undefined,
          appendEvent: async (event: unknown) => {
            log.push(event);
            return { txId: 1, position: log.length };
          },
        });
      },
    };
    const commands = new OrderCommandHandler(permissive, () => 0);
    for (const lines of [
      [{ priceCents: 1000, qty: -1 }],
      [{ priceCents: 1000, qty: 0 }],
      [{ priceCents: 1000, qty: 1.5 }],
      [{ priceCents: -1000, qty: 1 }],
      [{ priceCents: 10.5, qty: 1 }],
    ]) {
      await expect(
        commands.placeOrder({ orderId: 'o', customerId: 'c', lines }),
      ).rejects.toBeInstanceOf(CommandRejected);
    }
    expect(log).toHaveLength(0);
  });

  it('serves queries from the read model, which lags until the projection runs', async () => {
    const { store, commands, projection, queries } = setup();
    const at = await commands.placeOrder(order('o1', 'c1', 1000));

    // Eventual consistency: the command committed, the read model has not caught up.
    expect(await queries.summary('c1')).toEqual({
      customerId: 'c1',
      openOrders: 0,
      shippedOrders: 0,
      lifetimeSpendCents: 0,
    });
    expect(await queries.hasReached(at)).toBe(false);

    expect(await projection.catchUp(store)).toBe(1);
    expect(await queries.hasReached(at)).toBe(true);
    expect(await queries.summary('c1')).toEqual({
      customerId: 'c1',
      openOrders: 1,
      shippedOrders: 0,
      lifetimeSpendCents: 1000,
      lastOrderAt: 100,
    });
  });

  it('builds a denormalised per-customer summary from many events, in small batches', async () => {
    const { store, commands, projection, queries, readModel } = setup();
    await commands.placeOrder(order('o1', 'c1', 1000));
    await commands.placeOrder(order('o2', 'c1', 300, 3));
    await commands.placeOrder(order('o3', 'c2', 50));
    await commands.shipOrder('o1');
    await commands.cancelOrder('o2');
    expect(await projection.catchUp(store, 2)).toBe(5);

    expect(await queries.summary('c1')).toMatchObject({
      openOrders: 0,
      shippedOrders: 1,
      lifetimeSpendCents: 1000,
    });
    expect(await queries.summary('c2')).toMatchObject({
      openOrders: 1,
      shippedOrders: 0,
      lifetimeSpendCents: 50,
    });
    expect(await readModel.checkpoint()).toEqual({ txId: 5, position: 5 });
  });

  it('ignores redelivered and out-of-order events thanks to the checkpoint', async () => {
    const { store, commands, projection, queries } = setup();
    await commands.placeOrder(order('o1', 'c1', 700));
    await projection.catchUp(store);
    await commands.placeOrder(order('o2', 'c1', 300));

    const all = await store.readCommittedAfter(LOG_START, 100);
    expect(await projection.handle([...all].reverse())).toBe(1);
    expect(await projection.handle(all)).toBe(0);
    expect(await queries.summary('c1')).toMatchObject({
      openOrders: 2,
      lifetimeSpendCents: 1000,
    });
  });

  it('does not skip an event whose transaction took a lower position but committed later', async () => {
    // Transaction 1 takes position 1 and then stalls before COMMIT; transaction 2 takes
    // position 2 and commits first. A projector checkpointing on the position alone would
    // apply 2 and never look at 1 again.
    const gate = deferred();
    const { store, commands, projection, queries } = setup({
      beforeCommit: async txId => {
        if (txId === 1) await gate.promise;
      },
    });
    const slow = commands.placeOrder(order('o1', 'c1', 1000));
    await flush();
    await commands.placeOrder(order('o2', 'c1', 30));

    // Transaction 1 is still running: nothing at or after it is safe to read yet.
    expect(await projection.catchUp(store)).toBe(0);
    expect(await queries.summary('c1')).toMatchObject({ openOrders: 0 });

    gate.resolve();
    await slow;
    expect(await projection.catchUp(store)).toBe(2);
    expect(await queries.summary('c1')).toMatchObject({
      openOrders: 2,
      lifetimeSpendCents: 1030,
    });
  });

  it('moves past the permanent gap a rolled-back transaction leaves', async () => {
    const { store, commands, projection, queries } = setup({
      beforeCommit: async txId => {
        if (txId === 1) throw new Error('connection lost before COMMIT');
      },
    });
    await expect(commands.placeOrder(order('o1', 'c1', 5))).rejects.toThrow(
      'connection lost',
    );
    await commands.placeOrder(order('o2', 'c1', 7));
    expect(await projection.catchUp(store)).toBe(1);
    expect(await queries.summary('c1')).toMatchObject({
      openOrders: 1,
      lifetimeSpendCents: 7,
    });
    expect(await queries.hasReached({ txId: 2, position: 2 })).toBe(true);
  });

  it('lets only one of two projector instances apply a batch (no double counting)', async () => {
    const readModel = new InMemoryReadModelStore();
    const batch = [
      {
        txId: 1,
        position: 1,
        event: {
          type: 'OrderPlaced',
          orderId: 'o1',
          customerId: 'c1',
          totalCents: 100,
          at: 1,
        },
      },
    ];
    const first = new CustomerSummaryProjection(readModel);
    // The second worker reads the checkpoint before the first commits, but its view read is
    // delayed until after: the interleaving of a rolling deploy with two live instances.
    const firstDone = deferred();
    const delayedView = {
      checkpoint: () => readModel.checkpoint(),
      get: async (id: string) => {
        await firstDone.promise;
        return readModel.get(id);
      },
      commit: (...args: unknown[]) => (readModel.commit as any)(...args),
    };
    const second = new CustomerSummaryProjection(delayedView);

    const secondRun = second.handle(batch);
    await flush();
    await first.handle(batch);
    firstDone.resolve();
    const outcome = await secondRun.then(
      () => 'applied',
      (e: unknown) => e,
    );

    expect(await readModel.get('c1')).toMatchObject({
      openOrders: 1,
      lifetimeSpendCents: 100,
    });
    expect(outcome).toBeInstanceOf(CheckpointMoved);
  });

  it('lets only one of a concurrent ship and cancel of the same order succeed', async () => {
    const { store, commands } = setup();
    await commands.placeOrder(order('o1', 'c1', 100));
    const results = await Promise.allSettled([
      commands.shipOrder('o1'),
      commands.cancelOrder('o1'),
    ]);
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcurrencyConflict);
    expect(await store.readCommittedAfter(LOG_START, 10)).toHaveLength(2);
  });

  it('rebuilds into a fresh read model while queries keep answering from the old one', async () => {
    const { store, commands, projection, queries } = setup();
    await commands.placeOrder(order('o1', 'c1', 400));
    await commands.shipOrder('o1');
    await projection.catchUp(store);
    const before = await queries.summary('c1');

    // Slow the log down so the rebuild is observably in progress.
    const release = deferred();
    const slowLog = {
      readCommittedAfter: async (after: unknown, limit: number) => {
        await release.promise;
        return store.readCommittedAfter(after, limit);
      },
    };
    const fresh = new InMemoryReadModelStore();
    const rebuilding = rebuildReadModel(slowLog, fresh, queries, 1);
    await flush();
    expect(await queries.summary('c1')).toEqual(before); // not an empty answer

    release.resolve();
    expect(await rebuilding).toBe(2);
    expect(await fresh.get('c1')).toEqual(before);
    expect(await queries.summary('c1')).toEqual(before);
  });
});
