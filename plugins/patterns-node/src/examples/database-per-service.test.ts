import fs from 'node:fs';
import { loadExample } from './__testUtils__/loadExample';
import { patternFile } from './exampleSource';

const { OrderService, OrderHistoryProjector } = loadExample(
  'database-per-service',
);

type Call = { sql: string; params: unknown[] };

/**
 * A recording stand-in for the example's `Database`: statements run inside
 * inTransaction() are recorded, and answers come from the test.
 */
function recordingDb(
  options: {
    rows?: Record<string, unknown>[];
    affected?: (sql: string) => number;
  } = {},
) {
  const calls: Call[] = [];
  const tx = {
    execute: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return options.affected ? options.affected(sql) : 1;
    },
    query: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return options.rows ?? [];
    },
  };
  return {
    calls,
    db: {
      inTransaction: async <T>(work: (t: typeof tx) => Promise<T>) => work(tx),
      query: async (sql: string, params: unknown[]) => tx.query(sql, params),
    },
  };
}

function ids() {
  let n = 0;
  return () => `00000000-0000-0000-0000-00000000000${++n}`;
}

const NOW = Date.parse('2025-03-01T10:00:00.000Z');

describe('database-per-service example', () => {
  it('writes the order, its lines and the outbox event in one transaction', async () => {
    const { db, calls } = recordingDb();
    const service = new OrderService(db, ids(), () => NOW);

    const order = await service.createOrder('c-1', 'r-1', [
      { menuItemId: 'm-1', quantity: 2, unitPriceCents: 625 },
    ]);

    expect(order).toMatchObject({
      state: 'APPROVAL_PENDING',
      totalCents: 1250,
    });
    expect(calls.map(c => c.sql.match(/INSERT INTO (\S+)/)![1])).toEqual([
      'order_service.orders',
      'order_service.order_lines',
      'order_service.outbox',
    ]);
    const event = JSON.parse(calls[2].params[3] as string);
    expect(event).toMatchObject({
      type: 'OrderCreated',
      orderId: order.orderId,
      totalCents: 1250,
    });
  });

  it.each([
    [
      'NaN quantity',
      { menuItemId: 'm-1', quantity: Number.NaN, unitPriceCents: 100 },
    ],
    [
      'fractional quantity',
      { menuItemId: 'm-1', quantity: 1.5, unitPriceCents: 100 },
    ],
    [
      'NaN price',
      { menuItemId: 'm-1', quantity: 1, unitPriceCents: Number.NaN },
    ],
    [
      'fractional cents',
      { menuItemId: 'm-1', quantity: 1, unitPriceCents: 99.5 },
    ],
  ])('rejects a line with %s and writes nothing', async (_name, line) => {
    const { db, calls } = recordingDb();
    const service = new OrderService(db, ids(), () => NOW);

    await expect(service.createOrder('c-1', 'r-1', [line])).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });

  it('normalises driver-shaped rows: int8 as string and timestamptz as Date', async () => {
    // node-postgres returns bigint columns as strings and timestamptz as Date.
    const { db } = recordingDb({
      rows: [
        {
          id: 'o-1',
          consumer_id: 'c-1',
          restaurant_id: 'r-1',
          state: 'APPROVED',
          total_cents: '1250',
          created_at: new Date(NOW),
        },
      ],
    });
    const service = new OrderService(db, ids(), () => NOW);

    const dto = await service.getOrder('o-1');

    expect(dto).toEqual({
      orderId: 'o-1',
      consumerId: 'c-1',
      restaurantId: 'r-1',
      state: 'APPROVED',
      totalCents: 1250,
      createdAt: '2025-03-01T10:00:00.000Z',
    });
  });

  const event = {
    type: 'OrderCreated',
    eventId: 'e-1',
    orderId: 'o-1',
    consumerId: 'c-1',
    restaurantId: 'r-1',
    totalCents: 1250,
    occurredAt: '2025-03-01T10:00:00.000Z',
  };

  it('skips an event it has already processed without touching the read model', async () => {
    const { db, calls } = recordingDb({
      affected: sql => (sql.includes('processed_events') ? 0 : 1),
    });

    await expect(new OrderHistoryProjector(db).handle(event)).resolves.toBe(
      false,
    );
    expect(calls).toHaveLength(1);
  });

  it('does not add an already-known order to the running totals again', async () => {
    // New event id, but the order is already in the read model (backfill or republish).
    const { db, calls } = recordingDb({
      affected: sql => (sql.includes('consumer_orders') ? 0 : 1),
    });

    await new OrderHistoryProjector(db).handle(event);

    expect(calls.some(c => c.sql.includes('consumer_totals'))).toBe(false);
  });

  it('updates the totals for a new order', async () => {
    const { db, calls } = recordingDb();

    await expect(new OrderHistoryProjector(db).handle(event)).resolves.toBe(
      true,
    );
    expect(calls.filter(c => c.sql.includes('consumer_totals'))).toHaveLength(
      1,
    );
  });

  it('grants only schema privileges (USAGE, CREATE) ON SCHEMA, anywhere in the document', () => {
    // PostgreSQL rejects e.g. `GRANT SELECT ... ON SCHEMA` with
    // "invalid privilege type SELECT for schema"; table privileges go ON ALL TABLES IN SCHEMA.
    const text = fs.readFileSync(patternFile('database-per-service'), 'utf8');
    const grants = [...text.matchAll(/GRANT\s+([A-Z, ]+?)\s+ON\s+SCHEMA\b/g)];
    expect(grants.length).toBeGreaterThan(0);
    for (const [, privileges] of grants) {
      for (const privilege of privileges.split(',').map(p => p.trim())) {
        expect(['USAGE', 'CREATE', 'ALL']).toContain(privilege);
      }
    }
  });
});
