import { loadExample } from './__testUtils__/loadExample';

const {
  OrderCommandHandler,
  CommandRejected,
  InMemoryReadModelStore,
  CustomerSummaryProjection,
  CustomerQueries,
} = loadExample('cqrs');

/** An in-memory write store whose order table and event log commit or roll back together. */
function writeStore() {
  let orders = new Map<string, any>();
  let log: { position: number; event: any }[] = [];
  return {
    get log() {
      return log;
    },
    get orders() {
      return orders;
    },
    async transaction<T>(fn: (tx: any) => Promise<T>): Promise<T> {
      const before = { orders: new Map(orders), log: [...log] };
      try {
        return await fn({
          getOrder: async (id: string) => orders.get(id),
          saveOrder: async (order: any) => void orders.set(order.id, order),
          appendEvent: async (event: any) => {
            const position = log.length + 1;
            log.push({ position, event });
            return position;
          },
        });
      } catch (error) {
        orders = before.orders;
        log = before.log;
        throw error;
      }
    },
  };
}

function setup() {
  const store = writeStore();
  let t = 100;
  const commands = new OrderCommandHandler(store, () => t++);
  const readModel = new InMemoryReadModelStore();
  const projection = new CustomerSummaryProjection(readModel);
  const queries = new CustomerQueries(readModel);
  return { store, commands, readModel, projection, queries };
}

describe('cqrs example', () => {
  it('validates commands on the write side and records an event per change', async () => {
    const { store, commands } = setup();
    const position = await commands.placeOrder({
      orderId: 'o1',
      customerId: 'c1',
      lines: [{ priceCents: 250, qty: 2 }],
    });
    expect(position).toBe(1);
    expect(store.orders.get('o1')).toEqual({
      id: 'o1',
      customerId: 'c1',
      totalCents: 500,
      status: 'placed',
    });
    expect(store.log[0].event).toMatchObject({
      type: 'OrderPlaced',
      orderId: 'o1',
      totalCents: 500,
    });

    await expect(
      commands.placeOrder({
        orderId: 'o1',
        customerId: 'c1',
        lines: [{ priceCents: 1, qty: 1 }],
      }),
    ).rejects.toBeInstanceOf(CommandRejected);
    await expect(
      commands.placeOrder({ orderId: 'o2', customerId: 'c1', lines: [] }),
    ).rejects.toThrow(/at least one line/);
    await expect(commands.shipOrder('missing')).rejects.toBeInstanceOf(
      CommandRejected,
    );
    expect(store.log).toHaveLength(1);
  });

  it('serves queries from the read model, which lags until the projection runs', async () => {
    const { store, commands, projection, queries } = setup();
    await commands.placeOrder({
      orderId: 'o1',
      customerId: 'c1',
      lines: [{ priceCents: 1000, qty: 1 }],
    });

    // Eventual consistency: the command committed, the read model has not caught up.
    expect(await queries.summary('c1')).toEqual({
      customerId: 'c1',
      openOrders: 0,
      shippedOrders: 0,
      lifetimeSpendCents: 0,
    });

    await projection.handle(store.log);
    expect(await queries.summary('c1')).toEqual({
      customerId: 'c1',
      openOrders: 1,
      shippedOrders: 0,
      lifetimeSpendCents: 1000,
      lastOrderAt: 100,
    });
  });

  it('builds a denormalised per-customer summary from many events', async () => {
    const { store, commands, projection, queries, readModel } = setup();
    await commands.placeOrder({
      orderId: 'o1',
      customerId: 'c1',
      lines: [{ priceCents: 1000, qty: 1 }],
    });
    await commands.placeOrder({
      orderId: 'o2',
      customerId: 'c1',
      lines: [{ priceCents: 300, qty: 3 }],
    });
    await commands.placeOrder({
      orderId: 'o3',
      customerId: 'c2',
      lines: [{ priceCents: 50, qty: 1 }],
    });
    await commands.shipOrder('o1');
    await commands.cancelOrder('o2');
    expect(await projection.handle(store.log)).toBe(5);

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
    expect(await readModel.checkpoint()).toBe(5);
  });

  it('ignores redelivered and replayed events thanks to the checkpoint', async () => {
    const { store, commands, projection, queries } = setup();
    await commands.placeOrder({
      orderId: 'o1',
      customerId: 'c1',
      lines: [{ priceCents: 700, qty: 1 }],
    });
    await projection.handle(store.log);
    await commands.placeOrder({
      orderId: 'o2',
      customerId: 'c1',
      lines: [{ priceCents: 300, qty: 1 }],
    });

    // The subscription redelivers from the start, out of order.
    expect(await projection.handle([...store.log].reverse())).toBe(1);
    expect(await projection.handle(store.log)).toBe(0);
    expect(await queries.summary('c1')).toMatchObject({
      openOrders: 2,
      lifetimeSpendCents: 1000,
    });
  });

  it('rebuilds the read model from the full history', async () => {
    const { store, commands, projection, queries, readModel } = setup();
    await commands.placeOrder({
      orderId: 'o1',
      customerId: 'c1',
      lines: [{ priceCents: 400, qty: 1 }],
    });
    await commands.shipOrder('o1');
    await projection.handle(store.log);
    const before = await queries.summary('c1');

    await readModel.commit(
      [
        {
          customerId: 'c1',
          openOrders: 99,
          shippedOrders: 0,
          lifetimeSpendCents: 0,
        },
      ],
      2,
    ); // corrupted
    await projection.rebuild(store.log);
    expect(await queries.summary('c1')).toEqual(before);
  });
});
