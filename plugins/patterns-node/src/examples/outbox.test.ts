import { loadExample } from './__testUtils__/loadExample';

const { OrderService, OutboxRelay, IdempotentConsumer } = loadExample('outbox');

type Row = Record<string, any>;

interface State {
  orders: Row[];
  outbox: Row[];
  processed: Row[];
  loyalty: Record<string, number>;
}

/**
 * A tiny in-memory stand-in for PostgreSQL that understands the statements the
 * example issues, with real transaction semantics: a throw inside
 * transaction() rolls every change back.
 */
class FakeDb {
  state: State = { orders: [], outbox: [], processed: [], loyalty: {} };
  /** Throws once for the first statement matching the predicate (simulated crash or outage). */
  failNext?: (sql: string) => boolean;

  async transaction<T>(
    fn: (tx: {
      query: (sql: string, params?: unknown[]) => Promise<{ rows: Row[] }>;
    }) => Promise<T>,
  ): Promise<T> {
    const snapshot = structuredClone(this.state);
    try {
      return await fn({ query: (sql, params = []) => this.query(sql, params) });
    } catch (error) {
      this.state = snapshot;
      throw error;
    }
  }

  private async query(
    sql: string,
    params: unknown[],
  ): Promise<{ rows: Row[] }> {
    if (this.failNext?.(sql)) {
      this.failNext = undefined;
      throw new Error(`simulated failure on: ${sql.slice(0, 30)}`);
    }
    const s = this.state;
    if (sql.startsWith('INSERT INTO orders')) {
      const [id, customer_id, total_cents, status] = params;
      s.orders.push({ id, customer_id, total_cents, status });
      return { rows: [] };
    }
    if (sql.startsWith('INSERT INTO outbox')) {
      const [id, aggregate_type, aggregate_id, type, payload, created_at] =
        params;
      s.outbox.push({
        id,
        aggregate_type,
        aggregate_id,
        type,
        payload,
        created_at,
        sent_at: null,
      });
      return { rows: [] };
    }
    if (
      sql.startsWith('SELECT') &&
      sql.includes('FROM outbox WHERE sent_at IS NULL')
    ) {
      const [limit] = params as number[];
      const rows = s.outbox
        .filter(r => r.sent_at === null)
        .sort(
          (a, b) =>
            a.created_at - b.created_at ||
            String(a.id).localeCompare(String(b.id)),
        )
        .slice(0, limit)
        .map(r => ({ ...r }));
      return { rows };
    }
    if (sql.startsWith('UPDATE outbox SET sent_at')) {
      const [sentAt, id] = params;
      const row = s.outbox.find(r => r.id === id);
      if (row) row.sent_at = sentAt;
      return { rows: [] };
    }
    if (sql.startsWith('INSERT INTO processed_messages')) {
      const [consumer, message_id, processed_at] = params;
      if (
        s.processed.some(
          r => r.consumer === consumer && r.message_id === message_id,
        )
      )
        return { rows: [] };
      s.processed.push({ consumer, message_id, processed_at });
      return { rows: [{ message_id }] };
    }
    if (sql.startsWith('UPDATE loyalty')) {
      const [points, customer] = params as [number, string];
      s.loyalty[customer] = (s.loyalty[customer] ?? 0) + points;
      return { rows: [] };
    }
    throw new Error(`FakeDb does not understand: ${sql}`);
  }
}

function ids() {
  let n = 0;
  return () => `id-${String(++n).padStart(3, '0')}`;
}

function clock() {
  let t = 1_000;
  return () => t++;
}

/** A broker that records every publish and can be told to fail. */
function broker() {
  const published: any[] = [];
  return {
    published,
    failing: false,
    async publish(msg: any) {
      if (this.failing) throw new Error('broker unavailable');
      published.push(msg);
    },
  };
}

function loyaltyConsumer(db: FakeDb) {
  return new IdempotentConsumer(
    db,
    'loyalty',
    async (tx: any, msg: any) => {
      const { customerId, totalCents } = JSON.parse(msg.payload);
      await tx.query(
        'UPDATE loyalty SET points = points + $1 WHERE customer = $2',
        [Math.floor(totalCents / 100), customerId],
      );
    },
    clock(),
  );
}

describe('outbox example', () => {
  it('writes the business row and the outbox row in one transaction', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), clock());
    const orderId = await service.placeOrder({
      customerId: 'c1',
      totalCents: 2500,
    });

    expect(db.state.orders).toEqual([
      { id: orderId, customer_id: 'c1', total_cents: 2500, status: 'PENDING' },
    ]);
    expect(db.state.outbox).toHaveLength(1);
    expect(db.state.outbox[0]).toMatchObject({
      aggregate_type: 'order',
      aggregate_id: orderId,
      type: 'OrderPlaced',
      sent_at: null,
    });
    expect(JSON.parse(db.state.outbox[0].payload)).toEqual({
      orderId,
      customerId: 'c1',
      totalCents: 2500,
    });
  });

  it('leaves neither row behind when the outbox insert fails', async () => {
    const db = new FakeDb();
    db.failNext = sql => sql.startsWith('INSERT INTO outbox');
    const service = new OrderService(db, ids(), clock());
    await expect(
      service.placeOrder({ customerId: 'c1', totalCents: 100 }),
    ).rejects.toThrow(/simulated failure/);
    expect(db.state.orders).toEqual([]);
    expect(db.state.outbox).toEqual([]);
  });

  it('relays unsent rows in order, keyed by aggregate, and marks them sent', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), clock());
    const first = await service.placeOrder({
      customerId: 'c1',
      totalCents: 100,
    });
    const second = await service.placeOrder({
      customerId: 'c2',
      totalCents: 200,
    });
    const b = broker();
    const relay = new OutboxRelay(db, b, {
      now: () => 99,
      sleep: async () => {},
    });

    expect(await relay.pollOnce()).toBe(2);
    expect(b.published.map(m => m.key)).toEqual([first, second]);
    expect(b.published[0]).toMatchObject({
      topic: 'outbox.event.order',
      type: 'OrderPlaced',
    });
    expect(db.state.outbox.every(r => r.sent_at === 99)).toBe(true);

    expect(await relay.pollOnce()).toBe(0);
    expect(b.published).toHaveLength(2);
  });

  it('keeps rows unsent while the broker is down and publishes them once it is back', async () => {
    const db = new FakeDb();
    await new OrderService(db, ids(), clock()).placeOrder({
      customerId: 'c1',
      totalCents: 100,
    });
    const b = broker();
    const relay = new OutboxRelay(db, b, {
      now: () => 5,
      sleep: async () => {},
    });

    b.failing = true;
    expect(await relay.pollOnce()).toBe(0);
    expect(db.state.outbox[0].sent_at).toBeNull();

    b.failing = false;
    expect(await relay.pollOnce()).toBe(1);
    expect(b.published).toHaveLength(1);
  });

  it('publishes a row again after a crash between publish and commit, and the consumer applies it once', async () => {
    const db = new FakeDb();
    const orderId = await new OrderService(db, ids(), clock()).placeOrder({
      customerId: 'c9',
      totalCents: 4200,
    });
    const b = broker();
    const relay = new OutboxRelay(db, b, {
      now: () => 7,
      sleep: async () => {},
    });

    // The broker acknowledges, then the relay loses its database connection before marking the row sent.
    db.failNext = sql => sql.startsWith('UPDATE outbox SET sent_at');
    await expect(relay.pollOnce()).rejects.toThrow(/simulated failure/);
    expect(b.published).toHaveLength(1);
    expect(db.state.outbox[0].sent_at).toBeNull(); // rolled back

    expect(await relay.pollOnce()).toBe(1);
    expect(b.published).toHaveLength(2); // at least once: a duplicate reached the broker
    expect(b.published[0].id).toBe(b.published[1].id);
    expect(b.published[0].key).toBe(orderId);

    const consumer = loyaltyConsumer(db);
    const results = [];
    for (const msg of b.published) results.push(await consumer.handle(msg));
    expect(results).toEqual(['applied', 'duplicate']);
    expect(db.state.loyalty).toEqual({ c9: 42 });
    expect(db.state.processed).toEqual([
      {
        consumer: 'loyalty',
        message_id: b.published[0].id,
        processed_at: expect.any(Number),
      },
    ]);
  });

  it('publishes every row at least once across repeated failures', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), clock());
    for (let i = 1; i <= 5; i++)
      await service.placeOrder({ customerId: `c${i}`, totalCents: i * 100 });
    const b = broker();
    const relay = new OutboxRelay(db, b, {
      now: () => 1,
      sleep: async () => {},
      batchSize: 2,
    });

    let failures = 0;
    for (
      let round = 0;
      round < 20 && db.state.outbox.some(r => r.sent_at === null);
      round++
    ) {
      if (round % 2 === 0)
        db.failNext = sql => sql.startsWith('UPDATE outbox SET sent_at');
      try {
        await relay.pollOnce();
      } catch {
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(db.state.outbox.every(r => r.sent_at !== null)).toBe(true);
    const publishedIds = new Set(b.published.map(m => m.id));
    expect(publishedIds).toEqual(new Set(db.state.outbox.map(r => r.id)));
    expect(b.published.length).toBeGreaterThan(publishedIds.size);

    const consumer = loyaltyConsumer(db);
    for (const msg of b.published) await consumer.handle(msg);
    expect(db.state.loyalty).toEqual({ c1: 1, c2: 2, c3: 3, c4: 4, c5: 5 });
  });

  it('rolls back the dedup record when the side effect fails, so a redelivery is applied', async () => {
    const db = new FakeDb();
    const consumer = loyaltyConsumer(db);
    const msg = {
      id: 'm1',
      topic: 'outbox.event.order',
      key: 'o1',
      type: 'OrderPlaced',
      payload: JSON.stringify({ customerId: 'c1', totalCents: 300 }),
    };

    db.failNext = sql => sql.startsWith('UPDATE loyalty');
    await expect(consumer.handle(msg)).rejects.toThrow(/simulated failure/);
    expect(db.state.processed).toEqual([]);

    expect(await consumer.handle(msg)).toBe('applied');
    expect(await consumer.handle(msg)).toBe('duplicate');
    expect(db.state.loyalty).toEqual({ c1: 3 });
  });

  it('deduplicates per consumer, so two consumers each apply the same message once', async () => {
    const db = new FakeDb();
    const applied: string[] = [];
    const a = new IdempotentConsumer(
      db,
      'billing',
      async () => void applied.push('billing'),
      clock(),
    );
    const b = new IdempotentConsumer(
      db,
      'shipping',
      async () => void applied.push('shipping'),
      clock(),
    );
    const msg = {
      id: 'm1',
      topic: 't',
      key: 'k',
      type: 'OrderPlaced',
      payload: '{}',
    };
    for (const consumer of [a, b, a, b]) await consumer.handle(msg);
    expect(applied).toEqual(['billing', 'shipping']);
  });

  it('stops the relay loop when aborted and sleeps only when idle', async () => {
    const db = new FakeDb();
    await new OrderService(db, ids(), clock()).placeOrder({
      customerId: 'c1',
      totalCents: 100,
    });
    const controller = new AbortController();
    const sleeps: number[] = [];
    const relay = new OutboxRelay(db, broker(), {
      now: () => 1,
      idleMs: 250,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        controller.abort();
      },
    });
    await relay.run(controller.signal);
    expect(db.state.outbox[0].sent_at).toBe(1);
    expect(sleeps).toEqual([250]);
  });
});
