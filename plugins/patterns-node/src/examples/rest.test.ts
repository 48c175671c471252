import { loadExample } from './__testUtils__/loadExample';

const { createOrdersHandler, etagOf } = loadExample('rest');

type Res = { status: number; headers: Record<string, string>; body?: any };

/** Resolves when the test says so, to interleave two requests. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { open, opened };
}

/** In-memory order store. `hold` makes the next insert wait for a gate. */
function memoryStore() {
  const orders = new Map<string, any>();
  const state = {
    orders,
    inserts: 0,
    hold: undefined as Promise<void> | undefined,
    failNextInsert: false,
    get: async (id: string) => orders.get(id),
    // Accepts (accountId, afterId, limit), the account-scoped signature.
    listAfter: async (
      accountId: string,
      afterId: string | undefined,
      limit: number,
    ) =>
      [...orders.values()]
        .filter(o => o.accountId === accountId)
        .filter(o => afterId === undefined || o.id > afterId)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, limit),
    replace: async (order: any, expectedVersion: number) => {
      const current = orders.get(order.id);
      if (!current || current.version !== expectedVersion) return false;
      orders.set(order.id, order);
      return true;
    },
    insert: async (order: any) => {
      if (state.failNextInsert) {
        state.failNextInsert = false;
        throw new Error('database unavailable');
      }
      const hold = state.hold;
      state.hold = undefined;
      if (hold) await hold;
      state.inserts++;
      orders.set(order.id, order);
    },
    delete: async (id: string) => orders.delete(id),
  };
  return state;
}

/**
 * In-memory idempotency store. It offers both the atomic reserve/complete/
 * release interface and a plain get/put, so a handler that only does
 * check-then-act still runs against it (and shows its race).
 */
function memoryIdempotency() {
  const records = new Map<string, { fingerprint: string; response?: Res }>();
  return {
    records,
    reserve: async (key: string, fingerprint: string) => {
      const existing = records.get(key);
      if (existing) return existing;
      records.set(key, { fingerprint });
      return undefined;
    },
    complete: async (key: string, response: Res) => {
      records.get(key)!.response = response;
    },
    release: async (key: string) => {
      records.delete(key);
    },
    get: async (key: string) => records.get(key)?.response,
    put: async (key: string, response: Res) => {
      records.set(key, { fingerprint: '', response });
    },
  };
}

function setup() {
  const store = memoryStore();
  const idempotency = memoryIdempotency();
  let n = 0;
  const handle: (req: any) => Promise<Res> = createOrdersHandler({
    store,
    idempotency,
    now: () => Date.UTC(2024, 0, 1),
    newId: () => `ord_${String(++n).padStart(3, '0')}`,
    baseUrl: 'https://api.example.com',
  });
  return { store, idempotency, handle };
}

const body = { customerId: 'cus_1', status: 'pending', totalCents: 1200 };

function post(principal: string, payload: unknown, key?: string) {
  return {
    method: 'POST',
    path: '/orders',
    query: {},
    headers: key ? { 'idempotency-key': key } : {},
    principal,
    body: payload,
  };
}

function get(principal: string | undefined, path: string, headers = {}) {
  return { method: 'GET', path, query: {}, headers, principal };
}

describe('rest example', () => {
  it('creates an order with 201, Location and a strong ETag', async () => {
    const { handle } = setup();
    const res = await handle(post('acct_a', body));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('https://api.example.com/orders/ord_001');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('answers problem details whose title is the status phrase for type about:blank (RFC 9457 4.2.1)', async () => {
    const { handle } = setup();
    const res = await handle(get('acct_a', '/orders/ord_404'));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
    });

    const invalid = await handle(post('acct_a', { ...body, totalCents: -1 }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.title).toBe('Unprocessable Content');
    expect(invalid.body.detail).toMatch(/totalCents/);
  });

  it('rejects unauthenticated requests with 401 and WWW-Authenticate', async () => {
    const { handle, store } = setup();
    store.orders.set('ord_001', {
      id: 'ord_001',
      accountId: 'acct_a',
      ...body,
      version: 1,
      updatedAt: 'x',
    });
    const res = await handle(get(undefined, '/orders/ord_001'));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it("never shows, changes or deletes another account's order", async () => {
    const { handle, store } = setup();
    const order = {
      id: 'ord_001',
      accountId: 'acct_a',
      ...body,
      version: 1,
      updatedAt: 'x',
    };
    store.orders.set(order.id, order);

    expect((await handle(get('acct_b', '/orders/ord_001'))).status).toBe(404);
    const put = await handle({
      method: 'PUT',
      path: '/orders/ord_001',
      query: {},
      headers: { 'if-match': etagOf(order) },
      principal: 'acct_b',
      body: { ...body, status: 'cancelled' },
    });
    expect(put.status).toBe(404);
    const del = await handle({
      method: 'DELETE',
      path: '/orders/ord_001',
      query: {},
      headers: {},
      principal: 'acct_b',
    });
    expect(del.status).toBe(404);
    expect(store.orders.get('ord_001').status).toBe('pending');

    const list = await handle(get('acct_b', '/orders'));
    expect(list.body.data).toEqual([]);
    expect((await handle(get('acct_a', '/orders/ord_001'))).status).toBe(200);
  });

  it('creates one order when two requests with the same Idempotency-Key overlap', async () => {
    const { handle, store } = setup();
    const slowInsert = gate();
    store.hold = slowInsert.opened;

    const first = handle(post('acct_a', body, 'key-1'));
    const second = await handle(post('acct_a', body, 'key-1'));
    expect(second.status).toBe(409);

    slowInsert.open();
    const created = await first;
    expect(created.status).toBe(201);

    const replay = await handle(post('acct_a', body, 'key-1'));
    expect(replay).toEqual(created);
    expect(store.inserts).toBe(1);
  });

  it('refuses to replay a key that was used with a different body', async () => {
    const { handle, store } = setup();
    const created = await handle(post('acct_a', body, 'key-1'));
    expect(created.status).toBe(201);
    const reused = await handle(
      post('acct_a', { ...body, totalCents: 99 }, 'key-1'),
    );
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toMatch(/different request/);
    expect(store.inserts).toBe(1);
  });

  it("scopes keys per account, so one client never receives another's response", async () => {
    const { handle, store } = setup();
    const a = await handle(post('acct_a', body, 'shared-key'));
    const b = await handle(post('acct_b', body, 'shared-key'));
    expect(b.status).toBe(201);
    expect(b.headers.location).not.toBe(a.headers.location);
    expect(b.body.accountId).toBe('acct_b');
    expect(store.inserts).toBe(2);
  });

  it('stores nothing for a request that failed validation, so the fixed request can reuse the key', async () => {
    const { handle } = setup();
    const bad = await handle(
      post('acct_a', { ...body, status: 'lost' }, 'key-1'),
    );
    expect(bad.status).toBe(422);
    const fixed = await handle(post('acct_a', body, 'key-1'));
    expect(fixed.status).toBe(201);
  });

  it('releases the key when the insert fails, so a retry can succeed', async () => {
    const { handle, store, idempotency } = setup();
    store.failNextInsert = true;
    await expect(handle(post('acct_a', body, 'key-1'))).rejects.toThrow(
      'database unavailable',
    );
    expect(idempotency.records.size).toBe(0);
    const retry = await handle(post('acct_a', body, 'key-1'));
    expect(retry.status).toBe(201);
    expect(store.inserts).toBe(1);
  });

  it('validates Idempotency-Key values', async () => {
    const { handle } = setup();
    const res = await handle(post('acct_a', body, 'x'.repeat(256)));
    expect(res.status).toBe(400);
  });

  it('answers HEAD like GET without a body', async () => {
    const { handle } = setup();
    await handle(post('acct_a', body));
    const head = await handle({
      ...get('acct_a', '/orders/ord_001'),
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBeDefined();
    expect(head.body).toBeUndefined();
  });

  it('uses ETags for revalidation (304) and optimistic concurrency (428, 412)', async () => {
    const { handle } = setup();
    const created = await handle(post('acct_a', body));
    const etag = created.headers.etag;

    const notModified = await handle(
      get('acct_a', '/orders/ord_001', { 'if-none-match': `W/${etag}` }),
    );
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();

    const put = (headers: Record<string, string>) =>
      handle({
        method: 'PUT',
        path: '/orders/ord_001',
        query: {},
        headers,
        principal: 'acct_a',
        body: { ...body, status: 'paid' },
      });
    expect((await put({})).status).toBe(428);
    expect((await put({ 'if-match': `W/${etag}` })).status).toBe(412);
    const updated = await put({ 'if-match': etag });
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).not.toBe(etag);
    // A retry of the same write with the old ETag cannot apply it twice.
    expect((await put({ 'if-match': etag })).status).toBe(412);
  });

  it('paginates with an opaque cursor and a Link header', async () => {
    const { handle } = setup();
    for (let i = 0; i < 3; i++) await handle(post('acct_a', body));
    const page1 = await handle({
      ...get('acct_a', '/orders'),
      query: { limit: '2' },
    });
    expect(page1.body.data.map((o: any) => o.id)).toEqual([
      'ord_001',
      'ord_002',
    ]);
    expect(page1.headers.link).toContain('rel="next"');
    const page2 = await handle({
      ...get('acct_a', '/orders'),
      query: { limit: '2', cursor: page1.body.nextCursor },
    });
    expect(page2.body.data.map((o: any) => o.id)).toEqual(['ord_003']);
    expect(page2.headers.link).toBeUndefined();
    const bad = await handle({
      ...get('acct_a', '/orders'),
      query: { cursor: '!!' },
    });
    expect(bad.status).toBe(400);
  });
});
