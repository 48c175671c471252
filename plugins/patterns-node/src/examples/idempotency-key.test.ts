import { loadExample } from './__testUtils__/loadExample';

const example = loadExample('idempotency-key');
const {
  withIdempotency,
  parseIdempotencyKey,
  createPaymentHandler,
  downstreamKey,
  consumeOnce,
  purge,
  CLAIM_SQL,
  READ_SQL,
  COMPLETE_SQL,
  RELEASE_SQL,
  MARK_PROCESSED_SQL,
} = example;

type Row = Record<string, any>;
type Undo = Array<() => void>;

/**
 * An in-memory stand-in for PostgreSQL that understands exactly the
 * statements the example issues. Each statement is atomic; a transaction that
 * throws is rolled back through an undo log, so concurrent transactions that
 * touch different rows behave as they would in the database. Row locks are not
 * modelled: the tests avoid interleavings that would need them (the SQL itself
 * was checked against PostgreSQL 15 with racing sessions).
 */
class FakeDb {
  keys = new Map<string, Row>();
  payments: Row[] = [];
  processed = new Map<string, Row>();
  balances: Record<string, number> = {};
  statements: string[] = [];
  /** Throws once for the first statement matching the predicate. */
  failNext?: (sql: string) => boolean;

  query(sql: string, params: unknown[] = []) {
    return this.exec(sql, params);
  }

  async transaction<T>(fn: (tx: any) => Promise<T>): Promise<T> {
    const undo: Undo = [];
    const tx = {
      query: (sql: string, params: unknown[] = []) =>
        this.exec(sql, params, undo),
    };
    try {
      return await fn(tx);
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
  }

  private setKey(id: string, row: Row | undefined, undo?: Undo) {
    const before = this.keys.get(id);
    if (row) this.keys.set(id, row);
    else this.keys.delete(id);
    undo?.push(() => {
      if (before) this.keys.set(id, before);
      else this.keys.delete(id);
    });
  }

  private async exec(
    sql: string,
    params: unknown[],
    undo?: Undo,
  ): Promise<{ rows: Row[]; rowCount: number }> {
    await Promise.resolve(); // a round trip: lets other requests interleave
    this.statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
    if (this.failNext?.(sql)) {
      this.failNext = undefined;
      throw new Error('simulated database failure');
    }
    const p = params as any[];
    const id = (scope: unknown, key: unknown) => `${scope}\u0000${key}`;

    if (sql === CLAIM_SQL) {
      const [scope, key, fingerprint, owner, lockedUntil, expiresAt, now] = p;
      const current = this.keys.get(id(scope, key));
      const takeOver =
        !current ||
        current.expires_at <= now ||
        (current.state === 'in_progress' &&
          current.locked_until <= now &&
          current.fingerprint === fingerprint);
      if (!takeOver) return { rows: [], rowCount: 0 };
      this.setKey(
        id(scope, key),
        {
          fingerprint,
          state: 'in_progress',
          owner,
          locked_until: lockedUntil,
          expires_at: expiresAt,
          response_status: null,
          response_headers: null,
          response_body: null,
        },
        undo,
      );
      return { rows: [{ owner }], rowCount: 1 };
    }
    if (sql === READ_SQL) {
      const row = this.keys.get(id(p[0], p[1]));
      if (!row) return { rows: [], rowCount: 0 };
      const { owner, ...visible } = row;
      return { rows: [{ ...visible }], rowCount: 1 };
    }
    if (sql === COMPLETE_SQL) {
      const [scope, key, owner, expiresAt, status, headers, body] = p;
      const row = this.keys.get(id(scope, key));
      if (!row || row.owner !== owner || row.state !== 'in_progress') {
        return { rows: [], rowCount: 0 };
      }
      this.setKey(
        id(scope, key),
        {
          ...row,
          state: 'completed',
          owner: null,
          locked_until: null,
          expires_at: expiresAt,
          response_status: status,
          response_headers: JSON.parse(headers),
          response_body: body,
        },
        undo,
      );
      return { rows: [], rowCount: 1 };
    }
    if (sql === RELEASE_SQL) {
      const [scope, key, owner] = p;
      const row = this.keys.get(id(scope, key));
      if (!row || row.owner !== owner || row.state !== 'in_progress') {
        return { rows: [], rowCount: 0 };
      }
      this.setKey(id(scope, key), undefined, undo);
      return { rows: [], rowCount: 1 };
    }
    if (sql === MARK_PROCESSED_SQL) {
      const [consumer, messageId, processedAt] = p;
      const k = `${consumer}\u0000${messageId}`;
      if (this.processed.has(k)) return { rows: [], rowCount: 0 };
      this.processed.set(k, { processed_at: processedAt });
      undo?.push(() => this.processed.delete(k));
      return { rows: [], rowCount: 1 };
    }
    if (sql.startsWith('INSERT INTO payments')) {
      const [paymentId, principal, amountCents, chargeId] = p;
      const row = {
        id: paymentId,
        principal,
        amount_cents: amountCents,
        charge_id: chargeId,
      };
      this.payments.push(row);
      undo?.push(() => this.payments.splice(this.payments.indexOf(row), 1));
      return { rows: [], rowCount: 1 };
    }
    if (sql.startsWith('UPDATE balances')) {
      const [amount, account] = p as [number, string];
      const before = this.balances[account] ?? 0;
      this.balances[account] = before + amount;
      undo?.push(() => {
        this.balances[account] = before;
      });
      return { rows: [], rowCount: 1 };
    }
    if (sql.startsWith('DELETE FROM idempotency_keys WHERE expires_at')) {
      let count = 0;
      for (const [k, row] of [...this.keys]) {
        if (row.expires_at <= p[0]) {
          this.setKey(k, undefined, undo);
          count++;
        }
      }
      return { rows: [], rowCount: count };
    }
    if (sql.startsWith('DELETE FROM processed_messages WHERE processed_at')) {
      let count = 0;
      for (const [k, row] of [...this.processed]) {
        if (row.processed_at < p[0]) {
          this.processed.delete(k);
          count++;
        }
      }
      return { rows: [], rowCount: count };
    }
    throw new Error(`FakeDb does not understand: ${sql}`);
  }
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A card processor that deduplicates by idempotency key, like a real one. */
function processor() {
  const charges = new Map<string, string>();
  const calls: string[] = [];
  let gate: Promise<void> | undefined;
  return {
    charges,
    calls,
    hold(promise: Promise<void>) {
      gate = promise;
    },
    async charge(input: { amountCents: number; idempotencyKey: string }) {
      calls.push(input.idempotencyKey);
      const waitFor = gate;
      gate = undefined;
      if (waitFor) await waitFor;
      let chargeId = charges.get(input.idempotencyKey);
      if (!chargeId) {
        chargeId = `ch_${charges.size + 1}`;
        charges.set(input.idempotencyKey, chargeId);
      }
      return { chargeId };
    },
  };
}

function setup(options: Record<string, unknown> = {}) {
  const db = new FakeDb();
  const card = processor();
  let t = 1_000_000;
  let owners = 0;
  let ids = 0;
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
  const handler = createPaymentHandler(card, () => `pay_${++ids}`);
  const api = withIdempotency(db, handler, {
    now: clock.now,
    newOwner: () => `owner_${++owners}`,
    sleep: async (ms: number) => {
      clock.advance(ms);
      await new Promise(resolve => setImmediate(resolve));
    },
    ...options,
  });
  return { db, card, clock, api, handler };
}

function post(
  body: unknown,
  key: string | null = 'key-1',
  principal = 'acct_1',
) {
  return {
    method: 'POST',
    path: '/payments',
    headers: key === null ? {} : { 'idempotency-key': key },
    body: JSON.stringify(body),
    principal,
  };
}

describe('idempotency-key example', () => {
  describe('parseIdempotencyKey', () => {
    it('accepts quoted Structured Fields strings and bare keys', () => {
      expect(
        parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"'),
      ).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
      expect(parseIdempotencyKey('KG5LxwFBepaKHyUD')).toBe('KG5LxwFBepaKHyUD');
      expect(parseIdempotencyKey('"a\\"b\\\\c"')).toBe('a"b\\c');
      expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    });

    it('rejects malformed keys', () => {
      for (const raw of [
        '',
        '""',
        '"abc',
        '"abc\\"', // the escape swallows the closing quote
        '"a"b"',
        '"a\\nb"', // only \" and \\ are escapes
        'has space',
        'tab\there',
        'x'.repeat(256),
        'é',
      ]) {
        expect(parseIdempotencyKey(raw)).toBeUndefined();
      }
    });
  });

  it('runs the first request, stores its response and replays it for a retry', async () => {
    const { db, card, api } = setup();
    const first = await api(post({ amountCents: 500 }));
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await api(post({ amountCents: 500 }));
    expect(retry.status).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers).toEqual({
      'content-type': 'application/json',
      location: first.headers.location,
      'idempotent-replayed': 'true',
    });
    expect(db.payments).toHaveLength(1);
    expect(card.calls).toEqual([downstreamKey('acct_1', 'key-1')]);
  });

  it('answers 422 when a key is reused with a different body, without running the handler', async () => {
    const { db, card, api } = setup();
    await api(post({ amountCents: 500 }));
    const reuse = await api(post({ amountCents: 999 }));
    expect(reuse.status).toBe(422);
    expect(reuse.headers['content-type']).toBe('application/problem+json');
    expect(db.payments).toHaveLength(1);
    expect(card.calls).toHaveLength(1);
  });

  it('answers 400 for a missing or malformed key and passes other methods through', async () => {
    const { db, api } = setup();
    expect((await api(post({ amountCents: 1 }, null))).status).toBe(400);
    expect((await api(post({ amountCents: 1 }, '"unterminated'))).status).toBe(
      400,
    );
    expect(db.payments).toHaveLength(0);
    expect(db.keys.size).toBe(0);

    const get = await api({ ...post({ amountCents: 1 }), method: 'GET' });
    expect(get.status).toBe(201); // the handler ran, without a key record
    expect(db.keys.size).toBe(0);
  });

  it('lets only one of two concurrent requests with the same key execute; the other gets 409', async () => {
    const { db, card, api } = setup();
    const release = deferred();
    card.hold(release.promise);

    const first = api(post({ amountCents: 700 }));
    await new Promise(resolve => setImmediate(resolve)); // first holds the key
    const second = await api(post({ amountCents: 700 }));
    expect(second.status).toBe(409);
    expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    release.resolve();
    expect((await first).status).toBe(201);
    expect(db.payments).toHaveLength(1);
    expect(card.calls).toHaveLength(1);
  });

  it('makes a concurrent duplicate wait for the original and replay it, within the wait budget', async () => {
    const { db, card, api } = setup({ waitMs: 1_000, pollMs: 100 });
    const release = deferred();
    card.hold(release.promise);

    const first = api(post({ amountCents: 700 }));
    await new Promise(resolve => setImmediate(resolve));
    const second = api(post({ amountCents: 700 }));
    await new Promise(resolve => setImmediate(resolve));
    release.resolve();

    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toBe(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(db.payments).toHaveLength(1);
  });

  it('stores nothing when the request fails in the middle, and the retry runs the operation', async () => {
    const { db, api } = setup();
    db.failNext = sql => sql === COMPLETE_SQL; // the payment row is written, then the commit path fails

    await expect(api(post({ amountCents: 300 }))).rejects.toThrow(
      /simulated database failure/,
    );
    expect(db.payments).toEqual([]); // rolled back
    expect(db.keys.size).toBe(0); // released, no stored success

    const retry = await api(post({ amountCents: 300 }));
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(db.payments).toHaveLength(1);
  });

  it('releases the key when the handler throws after writing', async () => {
    const db = new FakeDb();
    let calls = 0;
    const api = withIdempotency(
      db,
      async (_req: any, tx: any) => {
        calls++;
        await tx.query(
          'INSERT INTO payments (id, principal, amount_cents, charge_id) VALUES ($1, $2, $3, $4)',
          [`p${calls}`, 'acct_1', 1, 'ch'],
        );
        if (calls === 1) throw new Error('downstream timeout');
        return { status: 201, headers: {}, body: 'ok' };
      },
      { now: () => 5 },
    );
    await expect(api(post({ amountCents: 1 }))).rejects.toThrow(
      'downstream timeout',
    );
    expect(db.payments).toEqual([]);
    expect((await api(post({ amountCents: 1 }))).status).toBe(201);
    expect(calls).toBe(2);
    expect(db.payments.map(p => p.id)).toEqual(['p2']);
  });

  it('stores a returned error response as final and replays it', async () => {
    const db = new FakeDb();
    let calls = 0;
    const api = withIdempotency(
      db,
      async () => {
        calls++;
        return {
          status: 402,
          headers: { 'content-type': 'application/json' },
          body: '{"error":"card_declined"}',
        };
      },
      { now: () => 5 },
    );
    const first = await api(post({ amountCents: 1 }));
    const second = await api(post({ amountCents: 1 }));
    expect(first.status).toBe(402);
    expect(second.status).toBe(402);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(calls).toBe(1);
  });

  it("lets a retry take over once a crashed attempt's lease expires, and rolls back the slow original", async () => {
    const { db, card, clock, api } = setup({ leaseMs: 30_000 });
    const stuck = deferred();
    card.hold(stuck.promise);

    const original = api(post({ amountCents: 900 })); // claims, then hangs in the card call
    await new Promise(resolve => setImmediate(resolve));
    expect((await api(post({ amountCents: 900 }))).status).toBe(409);

    clock.advance(30_000); // the lease is over
    const takeover = await api(post({ amountCents: 900 }));
    expect(takeover.status).toBe(201);
    expect(db.payments).toHaveLength(1);

    stuck.resolve(); // the original wakes up and tries to complete
    const late = await original;
    expect(late.status).toBe(201);
    expect(late.body).toBe(takeover.body); // it answers with the committed result
    expect(late.headers['idempotent-replayed']).toBe('true');
    expect(db.payments).toHaveLength(1); // its own insert was rolled back
    expect(card.charges.size).toBe(1); // the derived key deduplicated the external charge
  });

  it('does not let a different body take over an abandoned key', async () => {
    const { card, clock, api } = setup({ leaseMs: 1_000 });
    card.hold(new Promise(() => undefined)); // never completes
    api(post({ amountCents: 1 })).catch(() => undefined); // until the charge timeout fires
    await new Promise(resolve => setImmediate(resolve));
    clock.advance(5_000);
    expect((await api(post({ amountCents: 2 }))).status).toBe(422);
  });

  it('treats a key as new once its retention period is over', async () => {
    const { db, clock, api } = setup({ ttlMs: 60_000 });
    await api(post({ amountCents: 100 }));
    clock.advance(59_999);
    expect(
      (await api(post({ amountCents: 100 }))).headers['idempotent-replayed'],
    ).toBe('true');

    clock.advance(1);
    const again = await api(post({ amountCents: 100 }));
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(db.payments).toHaveLength(2);
  });

  it('scopes keys by the authenticated caller', async () => {
    const { db, api } = setup();
    await api(post({ amountCents: 1 }, 'same', 'acct_1'));
    const other = await api(post({ amountCents: 1 }, 'same', 'acct_2'));
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(db.payments.map(p => p.principal)).toEqual(['acct_1', 'acct_2']);
  });

  describe('the key passed to the card processor', () => {
    /** Enforces Stripe's documented limit: idempotency keys are up to 255 characters. */
    function strictProcessor() {
      const charges = new Map<string, string>();
      return {
        charges,
        async charge(input: { amountCents: number; idempotencyKey: string }) {
          if (input.idempotencyKey.length > 255) {
            throw new Error('idempotency key longer than 255 characters');
          }
          let chargeId = charges.get(input.idempotencyKey);
          if (!chargeId) {
            chargeId = `ch_${charges.size + 1}`;
            charges.set(input.idempotencyKey, chargeId);
          }
          return { chargeId };
        },
      };
    }

    it('stays within the processor limit for a 255-character client key', async () => {
      const db = new FakeDb();
      const card = strictProcessor();
      let ids = 0;
      const api = withIdempotency(
        db,
        createPaymentHandler(card, () => `pay_${++ids}`),
        { now: () => 1 },
      );
      const key = 'k'.repeat(255); // the largest key this API accepts
      const response = await api(post({ amountCents: 100 }, key));
      expect(response.status).toBe(201);
      expect(db.payments).toHaveLength(1);
      expect([...card.charges.keys()][0].length).toBeLessThanOrEqual(255);
    });

    it('never maps two callers to the same downstream key', async () => {
      const db = new FakeDb();
      const card = strictProcessor();
      let ids = 0;
      const api = withIdempotency(
        db,
        createPaymentHandler(card, () => `pay_${++ids}`),
        { now: () => 1 },
      );
      // 'a:b' + 'c' and 'a' + 'b:c' concatenate to the same 'a:b:c'
      const first = await api(post({ amountCents: 100 }, 'c', 'a:b'));
      const second = await api(post({ amountCents: 100 }, 'b:c', 'a'));
      expect(JSON.parse(first.body).chargeId).not.toBe(
        JSON.parse(second.body).chargeId,
      );
      expect(card.charges.size).toBe(2);
    });
  });

  it('bounds the card call with a timeout, releases the key and lets the retry charge once', async () => {
    const db = new FakeDb();
    const charges = new Map<string, string>();
    let hang = true;
    let aborted = 0;
    const card = {
      charge(input: {
        amountCents: number;
        idempotencyKey: string;
        signal?: AbortSignal;
      }) {
        let chargeId = charges.get(input.idempotencyKey);
        if (!chargeId) {
          chargeId = `ch_${charges.size + 1}`;
          charges.set(input.idempotencyKey, chargeId); // the charge happened...
        }
        const result = { chargeId };
        if (!hang) return Promise.resolve(result);
        input.signal?.addEventListener('abort', () => aborted++);
        return new Promise<typeof result>(() => undefined); // ...but the answer never comes
      },
    };
    let ids = 0;
    const api = withIdempotency(
      db,
      createPaymentHandler(card, () => `pay_${++ids}`, 20),
      { now: () => 1 },
    );
    const outcome = await Promise.race([
      api(post({ amountCents: 100 })).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
      new Promise(resolve => setTimeout(() => resolve('still hanging'), 1_000)),
    ]);
    expect(outcome).toMatch(/timed out/);
    expect(aborted).toBe(1);
    expect(db.payments).toEqual([]);
    expect(db.keys.size).toBe(0); // released: the retry need not wait for the lease

    hang = false;
    const retry = await api(post({ amountCents: 100 }));
    expect(retry.status).toBe(201);
    expect(charges.size).toBe(1); // the same derived key: one charge at the processor
    expect(JSON.parse(retry.body).chargeId).toBe('ch_1');
  });

  describe('idempotent consumer', () => {
    const credit = (amount: number) => async (tx: any) => {
      await tx.query(
        'UPDATE balances SET cents = cents + $1 WHERE account = $2',
        [amount, 'a1'],
      );
    };

    it('applies a message once however often it is delivered', async () => {
      const db = new FakeDb();
      const results = [];
      for (let i = 0; i < 3; i++) {
        results.push(
          await consumeOnce(db, 'ledger', 'm1', credit(50), () => 1),
        );
      }
      expect(results).toEqual(['applied', 'duplicate', 'duplicate']);
      expect(db.balances).toEqual({ a1: 50 });
    });

    it('rolls the marker back with a failed effect, so the redelivery is applied', async () => {
      const db = new FakeDb();
      db.failNext = sql => sql.startsWith('UPDATE balances');
      await expect(consumeOnce(db, 'ledger', 'm1', credit(50))).rejects.toThrow(
        /simulated/,
      );
      expect(db.processed.size).toBe(0);
      expect(await consumeOnce(db, 'ledger', 'm1', credit(50))).toBe('applied');
      expect(db.balances).toEqual({ a1: 50 });
    });

    it('deduplicates per consumer', async () => {
      const db = new FakeDb();
      expect(await consumeOnce(db, 'ledger', 'm1', credit(1))).toBe('applied');
      expect(await consumeOnce(db, 'audit', 'm1', async () => {})).toBe(
        'applied',
      );
      expect(await consumeOnce(db, 'ledger', 'm1', credit(1))).toBe(
        'duplicate',
      );
    });
  });

  it('purges expired keys and old markers but keeps live ones', async () => {
    const { db, clock, api } = setup({ ttlMs: 1_000 });
    await api(post({ amountCents: 1 }, 'old'));
    clock.advance(2_000);
    await api(post({ amountCents: 1 }, 'fresh'));
    const t = clock.now();
    await consumeOnce(
      db,
      'ledger',
      'm-old',
      async () => {},
      () => t - 10_000,
    );
    await consumeOnce(
      db,
      'ledger',
      'm-new',
      async () => {},
      () => t,
    );

    const removed = await purge(db, clock.now(), 5_000);
    expect(removed).toBe(2);
    expect([...db.keys.keys()].map(k => k.split('\u0000')[1])).toEqual([
      'fresh',
    ]);
    expect([...db.processed.keys()]).toEqual(['ledger\u0000m-new']);
  });
});
