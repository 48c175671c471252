import { loadExample } from './__testUtils__/loadExample';

const { aggregate, productPage } = loadExample('aggregator');

/** Timers that fire only when the test advances them. */
function manualTimers() {
  let time = 0;
  const pending = new Set<{ at: number; fn: () => void }>();
  return {
    now: () => time,
    setTimer: (ms: number, fn: () => void) => {
      const timer = { at: time + ms, fn };
      pending.add(timer);
      return () => {
        pending.delete(timer);
      };
    },
    advance(ms: number) {
      time += ms;
      for (const t of [...pending].sort((a, b) => a.at - b.at)) {
        if (t.at <= time) {
          pending.delete(t);
          t.fn();
        }
      }
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

/** Lets promise callbacks run between timer steps. */
const flush = () => new Promise(resolve => setImmediate(resolve));

/** A fetch that never answers until it is aborted. */
function hang(signals: AbortSignal[] = []) {
  return (...args: any[]) => {
    const signal: AbortSignal = args[args.length - 1];
    signals.push(signal);
    return new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason)),
    );
  };
}

const budget = {
  overallDeadlineMs: 1200,
  parts: {
    product: { required: true, timeoutMs: 400 },
    price: { required: true, timeoutMs: 300 },
    inventory: { required: false, timeoutMs: 200 },
    reviews: { required: false, timeoutMs: 300 },
  },
};

const product = { sku: 'sku-1', title: 'Kettle', description: '', images: [] };
const price = { amountCents: 2999, currency: 'EUR', onSale: false };

function backends(overrides: Record<string, unknown> = {}) {
  return {
    product: async () => product,
    price: async () => price,
    inventory: async () => ({ available: 3 }),
    reviews: async () => ({ average: 4.5, count: 12 }),
    ...overrides,
  };
}

function memoryCache(initial?: { average: number; count: number }) {
  const map = new Map<string, { average: number; count: number }>();
  if (initial) map.set('sku-1', initial);
  return {
    get: (sku: string) => map.get(sku),
    set: (sku: string, v: any) => map.set(sku, v),
  };
}

describe('aggregator example', () => {
  it('returns a complete page with a 60-second cache lifetime when every part answers', async () => {
    const rt = manualTimers();
    const res = await productPage(
      'sku-1',
      backends(),
      memoryCache(),
      budget,
      rt,
    );
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.body).toMatchObject({
      partial: false,
      degraded: [],
      stock: { available: 3 },
    });
    expect(rt.pendingCount).toBe(0);
  });

  it('cancels a timed-out optional part and serves the cached fallback, marked partial', async () => {
    const rt = manualTimers();
    const signals: AbortSignal[] = [];
    const page = productPage(
      'sku-1',
      backends({ reviews: hang(signals) }),
      memoryCache({ average: 4.1, count: 7 }),
      budget,
      rt,
    );
    await flush();
    rt.advance(300);
    const res = await page;
    expect(signals[0].aborted).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=5');
    expect(res.body).toMatchObject({
      partial: true,
      degraded: ['reviews'],
      reviews: { average: 4.1, count: 7 },
    });
  });

  it('does not invent a review summary when none is cached', async () => {
    const rt = manualTimers();
    const page = productPage(
      'sku-1',
      backends({ reviews: hang() }),
      memoryCache(),
      budget,
      rt,
    );
    await flush();
    rt.advance(300);
    const res = await page;
    expect(res.status).toBe(200);
    expect(res.body.reviews).toBeNull();
    expect(res.body.degraded).toContain('reviews');
  });

  it('fails with 504 and no-store when a required part times out, 502 when it errors', async () => {
    const rt = manualTimers();
    const slow = productPage(
      'sku-1',
      backends({ price: hang() }),
      memoryCache(),
      budget,
      rt,
    );
    await flush();
    rt.advance(300);
    const res = await slow;
    expect(res.status).toBe(504);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ missing: ['price'] });

    const broken = await productPage(
      'sku-1',
      backends({
        product: async () => {
          throw new Error('500 from product');
        },
      }),
      memoryCache(),
      budget,
      manualTimers(),
    );
    expect(broken.status).toBe(502);
  });

  it('caps each part by the time left in the overall budget', async () => {
    const rt = manualTimers();
    const result = aggregate(
      { slow: { required: false, timeoutMs: 5000, fetch: hang() } },
      1200,
      rt,
    );
    await flush();
    rt.advance(1200);
    const out = await result;
    expect(out.outcomes.slow).toMatchObject({ status: 'missing' });
    expect(out.outcomes.slow.error).toMatch(/1200 ms/);
  });

  it('treats a throwing fallback as a missing part instead of failing the whole aggregate', async () => {
    const rt = manualTimers();
    const out = await aggregate(
      {
        main: { required: true, timeoutMs: 100, fetch: async () => 'ok' },
        extra: {
          required: false,
          timeoutMs: 100,
          fetch: async () => {
            throw new Error('down');
          },
          fallback: () => {
            throw new Error('cache unavailable');
          },
        },
      },
      1000,
      rt,
    );
    expect(out.usable).toBe(true);
    expect(out.outcomes.extra).toMatchObject({ status: 'missing' });
  });

  it('clears the timer of a fetch that throws synchronously', async () => {
    const rt = manualTimers();
    const out = await aggregate(
      {
        broken: {
          required: false,
          timeoutMs: 100,
          fetch: () => {
            throw new Error('bad configuration');
          },
        },
      },
      1000,
      rt,
    );
    expect(out.outcomes.broken).toMatchObject({ status: 'missing' });
    expect(rt.pendingCount).toBe(0);
  });
});
