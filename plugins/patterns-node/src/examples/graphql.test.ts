import { loadExample } from './__testUtils__/loadExample';

const { BatchLoader, createContext, resolvers, checkQueryLimits } =
  loadExample('graphql');

// Minimal AST builders shaped like graphql-js's parser output.
const name = (value: string) => ({ value });
function field(
  fieldName: string,
  selections?: any[],
  args: Record<string, number | { variable: string }> = {},
) {
  return {
    kind: 'Field',
    name: name(fieldName),
    arguments: Object.entries(args).map(([argName, value]) => ({
      name: name(argName),
      value:
        typeof value === 'number'
          ? { kind: 'IntValue', value: String(value) }
          : { kind: 'Variable', name: name(value.variable) },
    })),
    selectionSet: selections ? { selections } : undefined,
  };
}
const spread = (fragment: string) => ({
  kind: 'FragmentSpread',
  name: name(fragment),
});
const fragmentDef = (fragment: string, selections: any[]) => ({
  kind: 'FragmentDefinition',
  name: name(fragment),
  selectionSet: { selections },
});
const operation = (
  selections: any[],
  variableDefinitions: { name: string; default?: number }[] = [],
) => ({
  kind: 'OperationDefinition',
  variableDefinitions: variableDefinitions.map(v => ({
    variable: { name: name(v.name) },
    defaultValue:
      v.default === undefined
        ? undefined
        : { kind: 'IntValue', value: String(v.default) },
  })),
  selectionSet: { selections },
});

const limits = { maxDepth: 8, maxCost: 1000, defaultListSize: {} };

describe('graphql example: checkQueryLimits', () => {
  it('multiplies page sizes into the cost of nested fields', () => {
    const doc = {
      definitions: [
        operation([
          field('orders', [field('edges', [field('node', [field('id')])])], {
            first: 10,
          }),
        ]),
      ],
    };
    const result = checkQueryLimits(doc, {}, limits);
    expect(result).toEqual({ ok: true, depth: 4, cost: 31 });
  });

  it('rejects deep nesting and fragment cycles', () => {
    let selection: any = field('id');
    for (let i = 0; i < 10; i++) selection = field('customer', [selection]);
    expect(
      checkQueryLimits({ definitions: [operation([selection])] }, {}, limits),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/depth/) });

    const cyclic = {
      definitions: [
        operation([spread('A')]),
        fragmentDef('A', [field('customer', [spread('A')])]),
      ],
    };
    expect(checkQueryLimits(cyclic, {}, limits)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cycle/),
    });
  });

  it('charges __typename, so fragments that spread each other twice cannot expand for free', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ... F20 selects only __typename:
    // 2^20 selections that used to cost nothing and ran to completion.
    const definitions: any[] = [operation([spread('F0')])];
    const levels = 20;
    for (let i = 0; i < levels; i++) {
      definitions.push(
        fragmentDef(`F${i}`, [spread(`F${i + 1}`), spread(`F${i + 1}`)]),
      );
    }
    definitions.push(fragmentDef(`F${levels}`, [field('__typename')]));

    const started = Date.now();
    const result = checkQueryLimits({ definitions }, {}, limits);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cost/),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('uses the declared default of a variable the request omits', () => {
    // query ($n: Int = 100) { orders(first: $n) { edges { node { customer { orders(first: $n) { id } } } } } }
    const doc = {
      definitions: [
        operation(
          [
            field(
              'orders',
              [
                field('edges', [
                  field('node', [
                    field('customer', [
                      field('orders', [field('id')], {
                        first: { variable: 'n' },
                      }),
                    ]),
                  ]),
                ]),
              ],
              { first: { variable: 'n' } },
            ),
          ],
          [{ name: 'n', default: 100 }],
        ),
      ],
    };
    // The executor would fetch 100 x 100 orders: far over the budget.
    expect(checkQueryLimits(doc, {}, limits)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cost/),
    });
    // A value the request does supply wins over the default.
    expect(checkQueryLimits(doc, { n: 2 }, limits)).toMatchObject({ ok: true });
  });
});

/** A scheduler the test flushes by hand. */
function manualSchedule() {
  const pending: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => {
      pending.push(flush);
    },
    flush: () => pending.splice(0).forEach(f => f()),
  };
}

describe('graphql example: loaders and resolvers', () => {
  const orders = [
    {
      id: 'o1',
      accountId: 'acct_a',
      customerId: 'c1',
      status: 'paid',
      totalCents: 100,
    },
    {
      id: 'o2',
      accountId: 'acct_a',
      customerId: 'c2',
      status: 'paid',
      totalCents: 200,
    },
    {
      id: 'o3',
      accountId: 'acct_b',
      customerId: 'c9',
      status: 'paid',
      totalCents: 300,
    },
  ];
  const customers = [
    { id: 'c1', accountId: 'acct_a', name: 'Ada' },
    { id: 'c2', accountId: 'acct_a', name: 'Grace' },
    { id: 'c9', accountId: 'acct_b', name: 'Mallory' },
  ];

  /** A database that ignores accounts, so only the example's own checks keep tenants apart. */
  function fakeDb() {
    return {
      calls: [] as string[],
      async ordersByIds(ids: readonly string[]) {
        this.calls.push(`orders:${ids.join(',')}`);
        return orders.filter(o => ids.includes(o.id));
      },
      async customersByIds(ids: readonly string[]) {
        this.calls.push(`customers:${ids.join(',')}`);
        return customers.filter(c => ids.includes(c.id));
      },
      async ordersForCustomers(ids: readonly string[]) {
        return orders.filter(o => ids.includes(o.customerId));
      },
      async listOrders(
        accountId: string,
        afterId: string | undefined,
        limit: number,
      ) {
        return orders
          .filter(o => o.accountId === accountId)
          .filter(o => afterId === undefined || o.id > afterId)
          .slice(0, limit);
      },
    };
  }

  it('batches the loads of one tick into one query and caches them', async () => {
    const db = fakeDb();
    const { schedule, flush } = manualSchedule();
    const ctx = createContext(db, { accountId: 'acct_a' }, schedule);
    const loads = [
      resolvers.Order.customer(orders[0], {}, ctx),
      resolvers.Order.customer(orders[1], {}, ctx),
      resolvers.Order.customer(orders[0], {}, ctx),
    ];
    flush();
    const result = await Promise.all(loads);
    expect(result.map((c: any) => c.name)).toEqual(['Ada', 'Grace', 'Ada']);
    expect(db.calls).toEqual(['customers:c1,c2']);
  });

  it("resolves another account's order or customer to null", async () => {
    const { schedule, flush } = manualSchedule();
    const ctx = createContext(fakeDb(), { accountId: 'acct_a' }, schedule);
    const order = resolvers.Query.order({}, { id: 'o3' }, ctx);
    const customer = ctx.customerById.load('c9');
    flush();
    expect(await order).toBeNull();
    expect(await customer).toBeNull();
  });

  it('lists only the viewer account and rejects forged cursors', async () => {
    const ctx = createContext(fakeDb(), { accountId: 'acct_b' });
    const page = await resolvers.Query.orders({}, { first: 10 }, ctx);
    expect(page.edges.map((e: any) => e.node.id)).toEqual(['o3']);
    await expect(
      resolvers.Query.orders({}, { first: 10, after: '%%%' }, ctx),
    ).rejects.toThrow(/cursor/);
  });

  it('does not cache failures', async () => {
    let calls = 0;
    const { schedule, flush } = manualSchedule();
    const loader = new BatchLoader(
      async (keys: readonly string[]) => {
        calls++;
        return keys.map(k =>
          calls === 1 ? new Error(`no ${k}`) : k.toUpperCase(),
        );
      },
      { schedule },
    );
    const first = loader.load('a');
    flush();
    await expect(first).rejects.toThrow('no a');
    const second = loader.load('a');
    flush();
    await expect(second).resolves.toBe('A');
  });
});
