import { loadExample } from './__testUtils__/loadExample';

const { EdgeGateway, isCanonicalPath } = loadExample('api-gateway');

const routes = [
  {
    prefix: '/v1/public',
    upstream: 'http://public',
    timeoutMs: 1000,
    public: true,
  },
  {
    prefix: '/v1/admin',
    upstream: 'http://admin',
    timeoutMs: 1000,
    requiredScope: 'admin',
  },
  { prefix: '/v1/orders', upstream: 'http://orders', timeoutMs: 2000 },
];

function setup(overrides: Record<string, unknown> = {}) {
  let time = 0;
  const forwarded: { req: any; upstream: string }[] = [];
  const identities: Record<string, { subject: string; scopes: string[] }> = {
    good: { subject: 'alice', scopes: ['orders'] },
    root: { subject: 'root', scopes: ['admin'] },
  };
  const verifyToken = jest.fn(
    async (token: string) => identities[token] ?? null,
  );
  const gateway = new EdgeGateway(routes, {
    verifyToken,
    forward: async (req: any, upstream: string) => {
      forwarded.push({ req, upstream });
      return { status: 200, headers: {}, body: { ok: true } };
    },
    now: () => time,
    newId: () => 'generated-id',
    rateLimit: { capacity: 5, refillPerSecond: 1 },
    preAuthRateLimit: { capacity: 20, refillPerSecond: 10 },
    maxBuckets: 100,
    ...overrides,
  });
  return {
    gateway,
    forwarded,
    verifyToken,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

const request = (
  path: string,
  headers: Record<string, string> = {},
  clientIp = '203.0.113.7',
) => ({
  method: 'GET',
  path,
  headers,
  clientIp,
});

describe('api-gateway example', () => {
  it('routes by longest prefix and passes the verified identity, not the client-supplied one', async () => {
    const { gateway, forwarded } = setup();
    const res = await gateway.handle(
      request('/v1/orders/42', {
        authorization: 'Bearer good',
        'x-user-id': 'mallory',
      }),
    );
    expect(res.status).toBe(200);
    expect(forwarded[0].upstream).toBe('http://orders');
    expect(forwarded[0].req.headers['x-user-id']).toBe('alice');
  });

  it('answers 401 with WWW-Authenticate and problem details titled with the status phrase', async () => {
    const { gateway } = setup();
    const res = await gateway.handle(
      request('/v1/orders/42', { authorization: 'Bearer bad' }),
    );
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
    });

    const missing = await gateway.handle(request('/v2/nothing'));
    expect(missing.body).toMatchObject({ title: 'Not Found', status: 404 });
  });

  it('refuses dot segments and encoded separators instead of letting a public prefix reach an admin route', async () => {
    const { gateway, forwarded } = setup();
    for (const path of [
      '/v1/public/../admin/users',
      '/v1/public/%2e%2e/admin/users',
      '/v1/public/..%2Fadmin/users',
      '/v1/public\\..\\admin',
    ]) {
      const res = await gateway.handle(request(path));
      expect(res.status).toBe(400);
    }
    expect(forwarded).toHaveLength(0);
    expect(isCanonicalPath('/v1/public/report.v2.json')).toBe(true);
  });

  it('limits requests per IP before validating tokens, so bad tokens cannot be tried for free', async () => {
    const { gateway, verifyToken } = setup({
      preAuthRateLimit: { capacity: 3, refillPerSecond: 1 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await gateway.handle(
        request('/v1/orders/1', { authorization: `Bearer guess-${i}` }),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(verifyToken).toHaveBeenCalledTimes(3);
  });

  it('limits each authenticated subject with a token bucket and a Retry-After header', async () => {
    const { gateway, advance } = setup();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await gateway.handle(
            request('/v1/orders/1', { authorization: 'Bearer good' }),
          )
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await gateway.handle(
      request('/v1/orders/1', { authorization: 'Bearer good' }),
    );
    expect(limited.headers['retry-after']).toBe('1');
    advance(1000);
    expect(
      (
        await gateway.handle(
          request('/v1/orders/1', { authorization: 'Bearer good' }),
        )
      ).status,
    ).toBe(200);
  });

  it('keeps the number of tracked clients bounded', async () => {
    const { gateway } = setup({ maxBuckets: 50 });
    for (let i = 0; i < 500; i++) {
      await gateway.handle(
        request('/v1/public/x', {}, `198.51.100.${i % 250}-${i}`),
      );
    }
    expect(gateway.bucketCount()).toBeLessThanOrEqual(50);
  });

  it('accepts a well-formed request id and replaces one that could forge log lines', async () => {
    const { gateway } = setup();
    const ok = await gateway.handle(
      request('/v1/public/x', { 'x-request-id': 'abc-123' }),
    );
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const forged = await gateway.handle(
      request('/v1/public/x', {
        'x-request-id': 'abc\r\nlevel=admin action=grant',
      }),
    );
    expect(forged.headers['x-request-id']).toBe('generated-id');
  });

  it('maps upstream timeouts to 504 and other failures to 502', async () => {
    const timeout = Object.assign(new Error('slow'), { name: 'TimeoutError' });
    const { gateway } = setup({
      forward: async (req: any) => {
        throw req.path.endsWith('slow') ? timeout : new Error('reset');
      },
    });
    expect((await gateway.handle(request('/v1/public/slow'))).status).toBe(504);
    const failed = await gateway.handle(request('/v1/public/boom'));
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ title: 'Bad Gateway' });
  });
});
