import { loadExample } from './__testUtils__/loadExample';

const { OrderService, OutboxRelay, IdempotentConsumer, enqueue } =
  loadExample('outbox');

type Row = Record<string, any>;

interface State {
  orders: Row[];
  outbox: Row[];
  processed: Row[];
  loyalty: Record<string, number>;
}

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Row[] }>;

/**
 * A small in-memory stand-in for PostgreSQL that understands the statements
 * the example issues (the current relay's and the earlier one's), with
 * rollback on throw, row locks held until the transaction ends (FOR UPDATE
 * SKIP LOCKED) and a count of open transactions.
 */
class FakeDb {
  state: State = { orders: [], outbox: [], processed: [], loyalty: {} };
  openTransactions = 0;
  /** Throws once for the first statement matching the predicate (simulated crash or outage). */
  failNext?: (sql: string) => boolean;
  private nextSeq = 1;
  private nextTx = 1;
  private readonly locks = new Map<number, number>();

  async transaction<T>(fn: (tx: { query: Query }) => Promise<T>): Promise<T> {
    const txId = this.nextTx++;
    const undo: Array<() => void> = [];
    this.openTransactions++;
    try {
      return await fn({
        query: async (sql, params = []) => this.query(txId, undo, sql, params),
      });
    } catch (error) {
      undo.reverse().forEach(step => step());
      throw error;
    } finally {
      this.openTransactions--;
      for (const [seq, owner] of this.locks)
        if (owner === txId) this.locks.delete(seq);
    }
  }

  private set(undo: Array<() => void>, row: Row, changes: Row) {
    const before = { ...row };
    Object.assign(row, changes);
    undo.push(() => {
      for (const key of Object.keys(row)) delete row[key];
      Object.assign(row, before);
    });
  }

  private push(undo: Array<() => void>, list: Row[], row: Row) {
    list.push(row);
    undo.push(() => list.splice(list.indexOf(row), 1));
  }

  private lockedByOther(txId: number, row: Row) {
    const owner = this.locks.get(row.seq);
    return owner !== undefined && owner !== txId;
  }

  private async query(
    txId: number,
    undo: Array<() => void>,
    sql: string,
    params: unknown[],
  ): Promise<{ rows: Row[] }> {
    if (this.failNext?.(sql)) {
      this.failNext = undefined;
      throw new Error(`simulated failure on: ${sql.slice(0, 30)}`);
    }
    const s = this.state;
    const bySeq = (seq: unknown) => s.outbox.find(r => r.seq === Number(seq));
    if (sql.startsWith('INSERT INTO orders')) {
      const [id, customer_id, total_cents, status] = params;
      this.push(undo, s.orders, { id, customer_id, total_cents, status });
      return { rows: [] };
    }
    if (sql.startsWith("UPDATE orders SET status = 'CANCELLED'")) {
      const order = s.orders.find(
        o => o.id === params[0] && o.status === 'PENDING',
      );
      if (!order) return { rows: [] };
      this.set(undo, order, { status: 'CANCELLED' });
      return { rows: [{ id: order.id }] };
    }
    if (sql.startsWith('INSERT INTO outbox')) {
      const [id, aggregate_type, aggregate_id, type, payload, created_at] =
        params;
      this.push(undo, s.outbox, {
        seq: this.nextSeq++,
        id,
        aggregate_type,
        aggregate_id,
        type,
        payload,
        created_at,
        attempts: 0,
        claimed_until: null,
        parked_at: null,
        sent_at: null,
      });
      return { rows: [] };
    }
    // The earlier relay: SELECT ... ORDER BY created_at, id ... FOR UPDATE SKIP LOCKED.
    if (
      sql.startsWith('SELECT') &&
      sql.includes('FROM outbox WHERE sent_at IS NULL')
    ) {
      const [limit] = params as number[];
      const rows = s.outbox
        .filter(r => r.sent_at === null && !this.lockedByOther(txId, r))
        .sort(
          (a, b) =>
            a.created_at - b.created_at ||
            String(a.id).localeCompare(String(b.id)),
        )
        .slice(0, limit);
      rows.forEach(r => this.locks.set(r.seq, txId));
      return { rows: rows.map(r => ({ ...r })) };
    }
    if (sql.startsWith('UPDATE outbox SET sent_at = $1 WHERE id = $2')) {
      const row = s.outbox.find(r => r.id === params[1]);
      if (row) this.set(undo, row, { sent_at: params[0] });
      return { rows: [] };
    }
    // The claim: lease unsent, unparked, unleased rows with no earlier unsent row of their aggregate.
    if (sql.startsWith('UPDATE outbox SET claimed_until = $1, attempts')) {
      const [until, now, limit] = params as number[];
      const rows = s.outbox
        .filter(
          c =>
            c.sent_at === null &&
            c.parked_at === null &&
            (c.claimed_until === null || c.claimed_until < now) &&
            !this.lockedByOther(txId, c) &&
            !s.outbox.some(
              e =>
                e.aggregate_type === c.aggregate_type &&
                e.aggregate_id === c.aggregate_id &&
                e.sent_at === null &&
                e.seq < c.seq,
            ),
        )
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit);
      for (const row of rows) {
        this.locks.set(row.seq, txId);
        this.set(undo, row, {
          claimed_until: until,
          attempts: row.attempts + 1,
        });
      }
      // RETURNING promises no order: hand them back reversed.
      return { rows: rows.map(r => ({ ...r, seq: String(r.seq) })).reverse() };
    }
    if (
      sql.startsWith('UPDATE outbox SET sent_at = $1, claimed_until = NULL')
    ) {
      const row = bySeq(params[1]);
      if (row && row.sent_at === null)
        this.set(undo, row, { sent_at: params[0], claimed_until: null });
      return { rows: [] };
    }
    if (sql.startsWith('UPDATE outbox SET parked_at = $1')) {
      const row = bySeq(params[1]);
      if (row)
        this.set(undo, row, { parked_at: params[0], claimed_until: null });
      return { rows: [] };
    }
    if (sql.startsWith('UPDATE outbox SET claimed_until = $1 WHERE seq = $2')) {
      const row = bySeq(params[1]);
      if (row) this.set(undo, row, { claimed_until: params[0] });
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
      this.push(undo, s.processed, { consumer, message_id, processed_at });
      return { rows: [{ message_id }] };
    }
    if (sql.startsWith('UPDATE loyalty')) {
      const [points, customer] = params as [number, string];
      const before = s.loyalty[customer];
      s.loyalty[customer] = (before ?? 0) + points;
      undo.push(() => {
        if (before === undefined) delete s.loyalty[customer];
        else s.loyalty[customer] = before;
      });
      return { rows: [] };
    }
    throw new Error(`FakeDb does not understand: ${sql}`);
  }
}

function ids() {
  let n = 0;
  return () => `id-${String(++n).padStart(3, '0')}`;
}

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

function counter(start = 1_000) {
  let t = start;
  return () => t++;
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(res => {
    resolve = res;
  });
  return { promise, resolve };
}

const flush = () => new Promise<void>(resolve => setImmediate(resolve));

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
    counter(),
  );
}

const noSleep = async () => {};

/** Emits one more event for an aggregate, as a business transaction would. */
function emit(
  db: FakeDb,
  aggregateId: string,
  type: string,
  now: number,
  payload: unknown = {},
) {
  return db.transaction((tx: any) =>
    enqueue(
      tx,
      {
        id: `${aggregateId}-${type}`,
        aggregateType: 'order',
        aggregateId,
        type,
        payload,
      },
      now,
    ),
  );
}

describe('outbox example', () => {
  it('writes the business row and the outbox row in one transaction', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
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
    const service = new OrderService(db, ids(), counter());
    await expect(
      service.placeOrder({ customerId: 'c1', totalCents: 100 }),
    ).rejects.toThrow(/simulated failure/);
    expect(db.state.orders).toEqual([]);
    expect(db.state.outbox).toEqual([]);
  });

  it('cancels only a pending order, and enqueues the event in the same transaction', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
    const orderId = await service.placeOrder({
      customerId: 'c1',
      totalCents: 1,
    });
    await service.cancelOrder(orderId);
    await expect(service.cancelOrder(orderId)).rejects.toThrow(/not pending/);
    expect(db.state.orders[0].status).toBe('CANCELLED');
    expect(db.state.outbox.map(r => r.type)).toEqual([
      'OrderPlaced',
      'OrderCancelled',
    ]);
  });

  it('relays unsent rows keyed by aggregate and marks them sent', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
    const first = await service.placeOrder({
      customerId: 'c1',
      totalCents: 100,
    });
    const second = await service.placeOrder({
      customerId: 'c2',
      totalCents: 200,
    });
    const b = broker();
    const relay = new OutboxRelay(db, b, { now: () => 99, sleep: noSleep });

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

  it('holds no database transaction or row lock while it waits for the broker', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
    await service.placeOrder({ customerId: 'c1', totalCents: 100 });
    await service.placeOrder({ customerId: 'c2', totalCents: 200 });
    const openDuringPublish: number[] = [];
    const relay = new OutboxRelay(
      db,
      {
        publish: async () => {
          openDuringPublish.push(db.openTransactions);
        },
      },
      { now: () => 5, sleep: noSleep },
    );

    expect(await relay.pollOnce()).toBe(2);
    expect(openDuringPublish).toEqual([0, 0]);
  });

  it("publishes an aggregate's events in insert (seq) order even when application clocks disagree", async () => {
    const db = new FakeDb();
    // Two service instances write events for one order; the second one's clock runs a second behind.
    await emit(db, 'o1', 'OrderPlaced', 2_000);
    await emit(db, 'o1', 'OrderCancelled', 1_000);
    const b = broker();
    const relay = new OutboxRelay(db, b, { now: () => 5, sleep: noSleep });

    while ((await relay.pollOnce()) > 0);
    expect(b.published.map(m => m.type)).toEqual([
      'OrderPlaced',
      'OrderCancelled',
    ]);
  });

  it('never lets a second relay overtake an event of the same aggregate, but lets it publish other aggregates', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
    const o1 = await service.placeOrder({ customerId: 'c1', totalCents: 100 });
    const o2 = await service.placeOrder({ customerId: 'c2', totalCents: 200 });
    await emit(db, o1, 'OrderCancelled', 5_000);

    const log: string[] = [];
    const slow = deferred();
    const relayA = new OutboxRelay(
      db,
      {
        publish: async (m: any) => {
          await slow.promise;
          log.push(`${m.type}:${m.key}`);
        },
      },
      { now: () => 10, sleep: noSleep, batchSize: 1 },
    );
    const relayB = new OutboxRelay(
      db,
      { publish: async (m: any) => void log.push(`${m.type}:${m.key}`) },
      { now: () => 10, sleep: noSleep },
    );

    const a = relayA.pollOnce(); // claims o1's OrderPlaced and waits on the broker
    await flush();
    expect(await relayB.pollOnce()).toBe(1);
    expect(log).toEqual([`OrderPlaced:${o2}`]);

    slow.resolve();
    await expect(a).resolves.toBe(1);
    expect(await relayB.pollOnce()).toBe(1);
    expect(log).toEqual([
      `OrderPlaced:${o2}`,
      `OrderPlaced:${o1}`,
      `OrderCancelled:${o1}`,
    ]);
  });

  it('lets a row the broker rejects hold back only its own aggregate, then parks it', async () => {
    const db = new FakeDb();
    const service = new OrderService(db, ids(), counter());
    const poison = await service.placeOrder({
      customerId: 'poison',
      totalCents: 1,
    });
    await emit(db, poison, 'OrderCancelled', 5_000, { customerId: 'poison' });
    const healthy = await service.placeOrder({
      customerId: 'c2',
      totalCents: 2,
    });
    const published: string[] = [];
    const clock = manualClock();
    const relay = new OutboxRelay(
      db,
      {
        publish: async (m: any) => {
          if (m.payload.includes('poison'))
            throw new Error('message too large');
          published.push(`${m.type}:${m.key}`);
        },
      },
      { now: clock.now, sleep: noSleep, maxAttempts: 3, retryDelayMs: 100 },
    );

    expect(await relay.pollOnce()).toBe(1);
    expect(published).toEqual([`OrderPlaced:${healthy}`]);
    for (let i = 0; i < 5; i++) {
      clock.t += 10_000;
      await relay.pollOnce();
    }
    const [placed, cancelled] = db.state.outbox.filter(
      r => r.aggregate_id === poison,
    );
    expect(placed).toMatchObject({ attempts: 3, sent_at: null });
    expect(placed.parked_at).not.toBeNull();
    // The cancellation must not overtake the stuck OrderPlaced.
    expect(cancelled).toMatchObject({ attempts: 0, sent_at: null });
    expect(published).toEqual([`OrderPlaced:${healthy}`]);
  });

  it('keeps rows unsent while the broker is down and publishes them once it is back', async () => {
    const db = new FakeDb();
    await new OrderService(db, ids(), counter()).placeOrder({
      customerId: 'c1',
      totalCents: 100,
    });
    const b = broker();
    const clock = manualClock();
    const relay = new OutboxRelay(db, b, {
      now: clock.now,
      sleep: noSleep,
      retryDelayMs: 1_000,
    });

    b.failing = true;
    expect(await relay.pollOnce()).toBe(0);
    expect(db.state.outbox[0].sent_at).toBeNull();

    b.failing = false;
    expect(await relay.pollOnce()).toBe(0); // backing off
    clock.t += 1_001;
    expect(await relay.pollOnce()).toBe(1);
    expect(b.published).toHaveLength(1);
  });

  it('publishes a row again after a crash between publish and marking it sent, and the consumer applies it once', async () => {
    const db = new FakeDb();
    const orderId = await new OrderService(db, ids(), counter()).placeOrder({
      customerId: 'c9',
      totalCents: 4200,
    });
    const b = broker();
    const clock = manualClock();
    const relay = new OutboxRelay(db, b, {
      now: clock.now,
      sleep: noSleep,
      leaseMs: 30_000,
    });

    // The broker acknowledges, then the relay loses its database connection before marking the row sent.
    db.failNext = sql => sql.startsWith('UPDATE outbox SET sent_at');
    await expect(relay.pollOnce()).rejects.toThrow(/simulated failure/);
    expect(b.published).toHaveLength(1);
    expect(db.state.outbox[0].sent_at).toBeNull();

    expect(await relay.pollOnce()).toBe(0); // still leased to the crashed attempt
    clock.t += 30_001;
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
    const service = new OrderService(db, ids(), counter());
    for (let i = 1; i <= 5; i++)
      await service.placeOrder({ customerId: `c${i}`, totalCents: i * 100 });
    const b = broker();
    const clock = manualClock();
    const relay = new OutboxRelay(db, b, {
      now: clock.now,
      sleep: noSleep,
      batchSize: 2,
      leaseMs: 1_000,
    });

    let failures = 0;
    for (
      let round = 0;
      round < 40 && db.state.outbox.some(r => r.sent_at === null);
      round++
    ) {
      if (round % 2 === 0)
        db.failNext = sql => sql.startsWith('UPDATE outbox SET sent_at');
      try {
        await relay.pollOnce();
      } catch {
        failures++;
      }
      clock.t += 1_001;
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
      counter(),
    );
    const b = new IdempotentConsumer(
      db,
      'shipping',
      async () => void applied.push('shipping'),
      counter(),
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

  it('enqueue writes the row the relay reads', async () => {
    const db = new FakeDb();
    await db.transaction((tx: any) =>
      enqueue(
        tx,
        {
          id: 'e1',
          aggregateType: 'customer',
          aggregateId: 'k1',
          type: 'Renamed',
          payload: { name: 'x' },
        },
        7,
      ),
    );
    const b = broker();
    await new OutboxRelay(db, b, { now: () => 8, sleep: noSleep }).pollOnce();
    expect(b.published).toEqual([
      {
        id: 'e1',
        topic: 'outbox.event.customer',
        key: 'k1',
        type: 'Renamed',
        payload: JSON.stringify({ name: 'x' }),
      },
    ]);
  });

  it('stops the relay loop when aborted and sleeps only when idle', async () => {
    const db = new FakeDb();
    await new OrderService(db, ids(), counter()).placeOrder({
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
