import { loadExample } from './__testUtils__/loadExample';

const {
  TokenBucket,
  FixedWindowCounter,
  SlidingWindowCounter,
  slidingWindowEstimate,
  KeyedRateLimiter,
  rateLimitMiddleware,
  apiKeyOrAddress,
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

  it('keys limiters separately and evicts the least recently used key', () => {
    const time = clock();
    const created: string[] = [];
    const limiters = new KeyedRateLimiter((key: string) => {
      created.push(key);
      return new TokenBucket(1, 1, time.now);
    }, 2);

    expect(limiters.for('a').tryTake().allowed).toBe(true);
    expect(limiters.for('a').tryTake().allowed).toBe(false);
    expect(limiters.for('b').tryTake().allowed).toBe(true); // b has its own bucket
    limiters.for('a'); // a is now the most recently used
    limiters.for('c'); // evicts b
    limiters.for('b');
    expect(created).toEqual(['a', 'b', 'c', 'b']);
  });

  it('middleware answers 429 with Retry-After in whole seconds once the burst is spent', () => {
    const time = clock();
    const limiters = new KeyedRateLimiter(
      () => new TokenBucket(2, 0.5, time.now),
    );
    const middleware = rateLimitMiddleware(limiters);
    const req = {
      headers: { 'x-api-key': 'sk_test_1' },
      socket: { remoteAddress: '10.0.0.1' },
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
    expect(apiKeyOrAddress(other)).toBe('ip:10.0.0.2');
    expect(apiKeyOrAddress(req)).toBe('key:sk_test_1');

    time.advance(2000);
    middleware(req, fakeResponse(), next);
    expect(next).toHaveBeenCalledTimes(4);
  });
});
