import { loadExample } from './__testUtils__/loadExample';

const { EventFactory, EventDispatcher, registerInventoryHandlers } =
  loadExample('event-driven-architecture');

const PLACED = 'com.example.orders.order-placed.v1';
const CANCELLED = 'com.example.orders.order-cancelled.v1';
const RESERVED = 'com.example.inventory.stock-reserved.v1';

/** Resolves with 'hung' if the promise has not settled within a short real time. */
function settlesOrHangs<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([
    promise,
    new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 100)),
  ]);
}

const silentLog = { info: () => {}, error: () => {} };

/** A processed-events table whose lookups take a turn of the event loop, like a database. */
function processedStore() {
  const keys = new Set<string>();
  return {
    keys,
    failNextAdd: false,
    async has(key: string) {
      await Promise.resolve();
      return keys.has(key);
    },
    async add(key: string) {
      await Promise.resolve();
      if (this.failNextAdd) {
        this.failNextAdd = false;
        throw new Error('database connection lost');
      }
      keys.add(key);
    },
  };
}

/**
 * Inventory's store. `cancel` (the current contract) records a tombstone that makes a later
 * reserve return undefined; `release` (an older contract) only releases an existing reservation.
 */
function stockStore() {
  let next = 1;
  const reserved = new Map<string, string>();
  const cancelled = new Set<string>();
  return {
    reserved,
    reserveCalls: 0,
    async reserve(orderId: string) {
      this.reserveCalls += 1;
      if (cancelled.has(orderId)) return undefined;
      const existing = reserved.get(orderId);
      if (existing) return existing;
      const id = `r${next++}`;
      reserved.set(orderId, id);
      return id;
    },
    async cancel(orderId: string) {
      cancelled.add(orderId);
      const id = reserved.get(orderId);
      reserved.delete(orderId);
      return id;
    },
    async release(orderId: string) {
      const id = reserved.get(orderId);
      reserved.delete(orderId);
      return id;
    },
  };
}

function setup(
  orderStatus: () => Promise<any> = async () => ({
    orderId: '42',
    status: 'CANCELLED',
  }),
  options: Record<string, unknown> = {},
) {
  let n = 0;
  const clock = { now: () => 0, newId: () => `id-${++n}` };
  const orderEvents = new EventFactory('/orders', clock);
  const inventoryEvents = new EventFactory('/inventory', clock);
  const processed = processedStore();
  const dispatcher = new EventDispatcher(silentLog, processed);
  const published: any[] = [];
  const stock = stockStore();
  registerInventoryHandlers(
    dispatcher,
    inventoryEvents,
    { publish: async (e: any) => void published.push(e) },
    stock,
    { getOrder: (_id: string, _signal?: AbortSignal) => orderStatus() },
    options,
  );
  const placed = orderEvents.create(
    PLACED,
    {
      orderId: '42',
      customerId: 'c1',
      lines: [{ sku: 'sku-1', quantity: 1 }],
      totalCents: 1000,
    },
    { subject: '42' },
  );
  const cancelled = orderEvents.create(
    CANCELLED,
    { orderId: '42' },
    { subject: '42' },
  );
  return { dispatcher, processed, published, stock, placed, cancelled };
}

describe('event-driven-architecture example', () => {
  it('runs a handler once when the same event is redelivered while the first delivery is still running', async () => {
    const { dispatcher, placed, published, stock } = setup();

    const [first, second] = await Promise.all([
      dispatcher.dispatch(placed),
      dispatcher.dispatch(placed),
    ]);

    expect(stock.reserveCalls).toBe(1);
    expect(published.filter(e => e.type === RESERVED)).toHaveLength(1);
    expect(first.handled).toEqual(['inventory.reserve']);
    expect(second.deferred).toEqual(['inventory.reserve']);
  });

  it('re-emits the same event id when a redelivered event is handled again', async () => {
    const { dispatcher, placed, published, processed } = setup();
    processed.failNextAdd = true; // crash after publishing, before recording the event as processed

    const first = await dispatcher.dispatch(placed);
    const second = await dispatcher.dispatch(placed);

    expect(first.failed).toHaveLength(1);
    expect(second.handled).toEqual(['inventory.reserve']);
    const reservedEvents = published.filter(e => e.type === RESERVED);
    expect(reservedEvents).toHaveLength(2);
    expect(reservedEvents[1].id).toBe(reservedEvents[0].id);
    expect(reservedEvents[0].causationid).toBe(placed.id);
  });

  it('keeps no stock reserved when the cancellation overtakes the placement', async () => {
    const { dispatcher, placed, cancelled, published, stock } = setup();

    await dispatcher.dispatch(cancelled);
    await dispatcher.dispatch(placed);

    expect(stock.reserved.has('42')).toBe(false);
    expect(published.filter(e => e.type === RESERVED)).toHaveLength(0);
  });

  it('fails the cancellation handler when the order service does not answer before the deadline', async () => {
    const controller = new AbortController();
    const { dispatcher, cancelled } = setup(
      () => new Promise(() => {}), // the order service hangs and ignores the signal
      { deadline: () => controller.signal },
    );

    const dispatching = dispatcher.dispatch(cancelled);
    controller.abort(new Error('lookup timed out'));
    const result = await settlesOrHangs(dispatching);

    expect(result).not.toBe('hung');
    expect((result as any).failed.map((f: any) => f.handler)).toEqual([
      'inventory.release',
    ]);
  });

  it('fails instead of dropping a cancellation the order service does not show yet', async () => {
    const { dispatcher, cancelled } = setup(async () => ({
      orderId: '42',
      status: 'PLACED',
    }));

    const result = await dispatcher.dispatch(cancelled);

    expect(result.handled).toEqual([]);
    expect(result.failed.map((f: any) => f.handler)).toEqual([
      'inventory.release',
    ]);
  });

  it('copies correlation from the cause and skips an event it already handled', async () => {
    const { dispatcher, placed, published } = setup();

    await dispatcher.dispatch(placed);
    const again = await dispatcher.dispatch(placed);

    expect(again.skipped).toEqual(['inventory.reserve']);
    expect(published).toHaveLength(1);
    expect(published[0].correlationid).toBe(placed.correlationid);
    expect(published[0].subject).toBe('42');
  });
});
