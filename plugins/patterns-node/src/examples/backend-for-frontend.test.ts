import { loadExample } from './__testUtils__/loadExample';

const {
  buildHomeScreen,
  formatMoney,
  imageFor,
  withTimeout,
  TimeoutError,
  sessionCookie,
  checkBrowserRequest,
  upstreamUrl,
} = loadExample('backend-for-frontend');

/** Timers that fire only when the test advances them. */
function manualTimers() {
  const pending: { at: number; fn: () => void }[] = [];
  let time = 0;
  return {
    setTimer: (ms: number, fn: () => void) => {
      const timer = { at: time + ms, fn };
      pending.push(timer);
      return () => {
        const i = pending.indexOf(timer);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    advance(ms: number) {
      time += ms;
      for (const t of [...pending].sort((a, b) => a.at - b.at)) {
        if (t.at <= time) {
          pending.splice(pending.indexOf(t), 1);
          t.fn();
        }
      }
    },
  };
}

const profile = {
  id: 'u1',
  displayName: 'Aiko Tanaka',
  avatarUrl: 'https://cdn.example.com/a/u1.png?v=3',
  email: 'aiko@example.com',
  tier: 'gold',
  locale: 'en-US',
  currency: 'JPY',
  timeZone: 'Asia/Tokyo',
};

const device = { screenWidthPx: 390, pixelRatio: 3 };

/** A call that never answers until it is aborted. */
function hanging(signals: AbortSignal[]) {
  return (...args: any[]) => {
    const signal: AbortSignal = args[args.length - 1];
    signals.push(signal);
    return new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(new Error('aborted'))),
    );
  };
}

describe('backend-for-frontend example', () => {
  it('formats amounts with the decimals of their own currency', () => {
    expect(formatMoney(1200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatMoney(1299, 'USD', 'en-US')).toBe('$12.99');
    // ICU separates the currency code with a no-break space.
    expect(formatMoney(1500, 'KWD', 'en-US').replace(/\u00a0/g, ' ')).toBe(
      'KWD 1.500',
    );
  });

  it('keeps an existing query string on image URLs', () => {
    expect(imageFor('https://cdn.example.com/a.png?v=3', 40, device)).toBe(
      'https://cdn.example.com/a.png?v=3&w=160&fm=webp',
    );
  });

  it('aborts the underlying call when its timeout fires', async () => {
    const timers = manualTimers();
    const signals: AbortSignal[] = [];
    const result = withTimeout(hanging(signals), 250, timers);
    timers.advance(250);
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
    expect(signals[0].aborted).toBe(true);
  });

  it('builds a degraded screen in the user time zone and currency when optional parts time out', async () => {
    const timers = manualTimers();
    const signals: AbortSignal[] = [];
    const screen = buildHomeScreen(
      'u1',
      device,
      {
        profile: async () => profile,
        recentOrders: async () => [
          {
            id: 'o1',
            status: 'shipped',
            placedAt: '2024-03-01T23:30:00Z',
            itemCount: 2,
            warehouseId: 'w9',
            total: 4500,
            currency: 'JPY',
            // The pre-fix example read totalCents and divided by 100 whatever the currency (¥45).
            totalCents: 4500,
          },
        ],
        recommendations: hanging(signals),
      },
      timers,
    );
    await Promise.resolve();
    timers.advance(250);
    const result = await screen;
    expect(result.orders).toEqual([
      {
        id: 'o1',
        label: 'On its way · 2 items',
        total: '¥4,500',
        when: 'Mar 2',
      },
    ]);
    expect(result.degraded).toEqual(['picks']);
    expect(signals[0].aborted).toBe(true);
    expect(result.avatar).toBe(
      'https://cdn.example.com/a/u1.png?v=3&w=160&fm=webp',
    );
    expect(JSON.stringify(result)).not.toContain('aiko@example.com');
  });

  it('fails with 504 when the required profile times out and 502 when it errors', async () => {
    const timers = manualTimers();
    const clients = {
      profile: hanging([]),
      recentOrders: async () => [],
      recommendations: async () => [],
    };
    const slow = buildHomeScreen('u1', device, clients, timers);
    await Promise.resolve();
    timers.advance(300);
    await expect(slow).rejects.toMatchObject({ status: 504, part: 'profile' });

    const broken = buildHomeScreen(
      'u1',
      device,
      {
        ...clients,
        profile: async () => {
          throw new Error('500 from profile');
        },
      },
      manualTimers(),
    );
    await expect(broken).rejects.toMatchObject({ status: 502 });
  });

  it('issues a hardened session cookie and enforces the CSRF header and origin', () => {
    expect(sessionCookie('abc', 3600)).toBe(
      '__Host-session=abc; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600',
    );
    const app = 'https://www.example.com';
    expect(
      checkBrowserRequest({ 'x-requested-with': 'web-app', origin: app }, app),
    ).toEqual({ ok: true });
    expect(checkBrowserRequest({ origin: app }, app)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      checkBrowserRequest(
        { 'x-requested-with': 'web-app', origin: 'https://evil.example' },
        app,
      ),
    ).toMatchObject({ ok: false });
  });

  it('proxies only to allow-listed upstreams', () => {
    const routes = { '/bff/orders': 'https://orders.internal' };
    expect(upstreamUrl('/bff/orders/42', routes)).toBe(
      'https://orders.internal/42',
    );
    expect(upstreamUrl('/bff/orders//evil.example/x', routes)).toBe(
      'https://orders.internal//evil.example/x',
    );
    expect(upstreamUrl('/bff/orders/../admin', routes)).toBeUndefined();
    expect(upstreamUrl('/bff/ordersx', routes)).toBeUndefined();
    expect(upstreamUrl('/bff/payments/1', routes)).toBeUndefined();
  });
});
