import { loadExample } from './__testUtils__/loadExample';

const {
  TokenBucket,
  FixedWindowCounter,
  SlidingWindowCounter,
  slidingWindowEstimate,
  KeyedRateLimiter,
  rateLimitMiddleware,
  clientKey,
  addressKey,
} = loadExample('rate-limiting');

function clock(start = 0) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (ms: number) => {
      time = ms;
    },
  };
}

function takeMany(limiter: any, count: number): boolean[] {
  return Array.from({ length: count }, () => limiter.tryTake().allowed);
}

function fakeResponse() {
  const headers: Record<string, string> = {};
  return {
    statusCode: 200,
    body: undefined as string | undefined,
    headers,
    setHeader(name: string, value: string) {
      headers[name] = value;
    },
    end(body?: string) {
      this.body = body;
    },
  };
}

describe('rate-limiting example', () => {
  it('token bucket allows the burst, then refuses until refill', () => {
    const time = clock();
    const bucket = new TokenBucket(5, 1, time.now); // burst 5, 1 token per second

    expect(takeMany(bucket, 5)).toEqual([true, true, true, true, true]);
    const refused = bucket.tryTake();
    expect(refused).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 1000,
    });

    time.advance(999);
    const stillRefused = bucket.tryTake();
    expect(stillRefused.allowed).toBe(false);
    expect(stillRefused.retryAfterMs).toBe(1);

    time.advance(1);
    expect(bucket.tryTake().allowed).toBe(true);
    expect(bucket.tryTake().allowed).toBe(false);
  });

  it('token bucket holds the long-run rate and never refills past capacity', () => {
    const time = clock();
    const bucket = new TokenBucket(5, 2, time.now);
    takeMany(bucket, 5);

    // Sustained: one request every 500 ms is exactly the refill rate of 2 per second.
    for (let i = 0; i < 10; i++) {
      time.advance(500);
      expect(bucket.tryTake().allowed).toBe(true);
      expect(bucket.tryTake().allowed).toBe(false);
    }

    // After a long idle period the burst is still only the capacity.
    time.advance(60_000);
    expect(takeMany(bucket, 7)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(() => bucket.tryTake(6)).toThrow(RangeError);
  });

  it('computes the sliding-window estimate prev * (1 - elapsed / window) + current', () => {
    expect(slidingWindowEstimate(42, 18, 15_000, 60_000)).toBeCloseTo(49.5);
    expect(slidingWindowEstimate(10, 0, 0, 1000)).toBe(10);
    expect(slidingWindowEstimate(10, 3, 1000, 1000)).toBe(3);
  });

  it('fixed window allows 2x the limit across a boundary; sliding window does not', () => {
    const fixedTime = clock(999);
    const fixed = new FixedWindowCounter(10, 1000, fixedTime.now);
    const slidingTime = clock(999);
    const sliding = new SlidingWindowCounter(10, 1000, slidingTime.now);

    // A full quota at the very end of one window...
    expect(takeMany(fixed, 10).every(Boolean)).toBe(true);
    expect(takeMany(sliding, 10).every(Boolean)).toBe(true);

    // ...and another right after the boundary, 1 ms later.
    fixedTime.set(1000);
    slidingTime.set(1000);
    expect(takeMany(fixed, 10).filter(Boolean)).toHaveLength(10); // 20 requests in 2 ms
    expect(takeMany(sliding, 10).filter(Boolean)).toHaveLength(0);
  });

  it('sliding window admits again as the previous window slides out, matching its Retry-After', () => {
    const time = clock(0);
    const sliding = new SlidingWindowCounter(10, 1000, time.now);
    expect(takeMany(sliding, 10).every(Boolean)).toBe(true);
    const refused = sliding.tryTake();
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(1001);

    time.set(1000);
    expect(sliding.tryTake().allowed).toBe(false);
    time.set(1001);
    expect(sliding.tryTake().allowed).toBe(true); // 10 * 0.999 + 0 < 10

    // Half-way through, half of the previous window still counts.
    time.set(1500);
    const halfway = takeMany(sliding, 10).filter(Boolean).length;
    expect(halfway).toBe(4); // 10 * 0.5 + 1 already taken, so 4 more fit below 10
  });

  it('keys limiters separately and bounds the table by evicting only idle limiters', () => {
    const time = clock();
    const created: string[] = [];
    const limiters = new KeyedRateLimiter(
      (key: string) => {
        created.push(key);
        return new TokenBucket(1, 1, time.now);
      },
      { maxKeys: 2, overflow: new TokenBucket(1, 1, time.now) },
    );

    expect(limiters.for('a').tryTake().allowed).toBe(true);
    expect(limiters.for('a').tryTake().allowed).toBe(false);
    expect(limiters.for('b').tryTake().allowed).toBe(true); // b has its own bucket
    expect(limiters.size).toBe(2);

    time.advance(1000); // both buckets have refilled: forgetting them loses nothing
    limiters.for('c');
    expect(limiters.size).toBeLessThanOrEqual(2);
    expect(created).toEqual(['a', 'b', 'c']);
  });

  it('a flood of new keys cannot evict a key that is still limited, nor grow the table', () => {
    const time = clock();
    const overflow = new TokenBucket(3, 1, time.now);
    const limiters = new KeyedRateLimiter(
      () => new TokenBucket(1, 0.01, time.now), // one request, then one per 100 s
      { maxKeys: 4, overflow },
    );
    expect(limiters.for('abuser').tryTake().allowed).toBe(true);
    expect(limiters.for('abuser').tryTake().allowed).toBe(false);

    // The attacker sends a thousand requests, each with a fresh key.
    const admitted = Array.from({ length: 1000 }, (_, i) =>
      limiters.for(`random-${i}`).tryTake(),
    ).filter(d => d.allowed).length;
    expect(limiters.size).toBeLessThanOrEqual(4);
    expect(admitted).toBeLessThanOrEqual(3 + 3); // three table slots plus the overflow burst
    expect(limiters.overflowCount).toBeGreaterThan(0);

    // The abuser's bucket survived: still refused.
    expect(limiters.for('abuser').tryTake().allowed).toBe(false);
  });

  it('keys on the authenticated principal, never on a client-supplied header', () => {
    const time = clock();
    const limiters = new KeyedRateLimiter(
      () => new TokenBucket(2, 0.5, time.now),
      { maxKeys: 1000, overflow: new TokenBucket(2, 0.5, time.now) },
    );
    const middleware = rateLimitMiddleware(limiters);
    const next = jest.fn();

    // One unauthenticated client inventing a new API key for every request.
    const statuses = Array.from({ length: 10 }, (_, i) => {
      const res = fakeResponse();
      middleware(
        {
          headers: { 'x-api-key': `made-up-${i}` },
          socket: { remoteAddress: '203.0.113.7' },
        },
        res,
        next,
      );
      return res.statusCode;
    });
    expect(statuses.filter(status => status === 200)).toHaveLength(2);
    expect(statuses.filter(status => status === 429)).toHaveLength(8);

    // Two authenticated principals behind the same NAT address have their own buckets.
    const alice = {
      headers: {},
      socket: { remoteAddress: '203.0.113.7' },
      principal: 'alice',
    };
    const bob = { ...alice, principal: 'bob' };
    expect(clientKey(alice)).toBe('principal:alice');
    const aliceRes = fakeResponse();
    const bobRes = fakeResponse();
    middleware(alice, aliceRes, next);
    middleware(bob, bobRes, next);
    expect([aliceRes.statusCode, bobRes.statusCode]).toEqual([200, 200]);
  });

  it('groups IPv6 addresses by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:eeee:dddd:cccc')).toBe(
      '2001:db8:1:2::/64',
    );
    expect(addressKey('2001:0db8:0001:0002:0:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(addressKey('192.0.2.10')).toBe('192.0.2.10');
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('not an address')).toBe('unknown');
    expect(clientKey({ headers: {}, socket: { remoteAddress: '2001:db8:1:2::77' } })).toBe(
      'address:2001:db8:1:2::/64',
    );
  });

  it('answers 503 when many clients, each inside its own limit, exceed the global limit', () => {
    const time = clock();
    const limiters = new KeyedRateLimiter(
      () => new TokenBucket(5, 1, time.now),
      { maxKeys: 1000, overflow: new TokenBucket(5, 1, time.now) },
    );
    const middleware = rateLimitMiddleware(limiters, {
      global: new TokenBucket(3, 1, time.now),
    });
    const next = jest.fn();
    const responses = ['a', 'b', 'c', 'd'].map(principal => {
      const res = fakeResponse();
      middleware({ headers: {}, principal }, res, next);
      return res;
    });
    expect(next).toHaveBeenCalledTimes(3);
    const refused = responses[3];
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['Retry-After']).toBe('1');
    expect(JSON.parse(refused.body!)).toEqual({
      error: 'overloaded',
      retryAfterSeconds: 1,
    });
  });

  it('ignores a clock that steps backwards', () => {
    const time = clock(1500);
    const fixed = new FixedWindowCounter(2, 1000, time.now);
    expect(takeMany(fixed, 3)).toEqual([true, true, false]);
    time.set(900); // the wall clock steps back into the previous window
    expect(fixed.tryTake().allowed).toBe(false);
    time.set(1600);
    expect(fixed.tryTake().allowed).toBe(false);

    const bucketTime = clock(10_000);
    const bucket = new TokenBucket(1, 1, bucketTime.now);
    expect(bucket.tryTake().allowed).toBe(true);
    bucketTime.set(0); // a bogus reading far in the past...
    expect(bucket.tryTake().allowed).toBe(false);
    bucketTime.set(10_001); // ...then the true time, 1 ms after the last request
    expect(bucket.tryTake().allowed).toBe(false);
    bucketTime.set(11_000);
    expect(bucket.tryTake().allowed).toBe(true);
  });

  it('middleware answers 429 with Retry-After in whole seconds once the burst is spent', () => {
    const time = clock();
    const limiters = new KeyedRateLimiter(
      () => new TokenBucket(2, 0.5, time.now),
      { maxKeys: 1000, overflow: new TokenBucket(2, 0.5, time.now) },
    );
    const middleware = rateLimitMiddleware(limiters);
    const req = {
      headers: {},
      socket: { remoteAddress: '10.0.0.1' },
      principal: 'client-1',
    };
    const next = jest.fn();

    middleware(req, fakeResponse(), next);
    middleware(req, fakeResponse(), next);
    expect(next).toHaveBeenCalledTimes(2);

    const res = fakeResponse();
    middleware(req, res, next);
    expect(next).toHaveBeenCalledTimes(2);
    expect(res.statusCode).toBe(429);
    expect(res.headers['Retry-After']).toBe('2'); // one token at 0.5 per second
    expect(JSON.parse(res.body!)).toEqual({
      error: 'rate_limited',
      retryAfterSeconds: 2,
    });

    // Another client is unaffected.
    const other = { headers: {}, socket: { remoteAddress: '10.0.0.2' } };
    middleware(other, fakeResponse(), next);
    expect(next).toHaveBeenCalledTimes(3);
    expect(clientKey(other)).toBe('address:10.0.0.2');
    expect(clientKey(req)).toBe('principal:client-1');

    time.advance(2000);
    middleware(req, fakeResponse(), next);
    expect(next).toHaveBeenCalledTimes(4);
  });
});
