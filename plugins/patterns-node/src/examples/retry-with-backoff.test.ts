import { loadExample } from './__testUtils__/loadExample';

const {
  cappedExponential,
  fullJitter,
  equalJitter,
  decorrelatedJitter,
  amplification,
  HttpError,
  isTransient,
  retryableFor,
  RetryBudget,
  retryWithBackoff,
  parseRetryAfter,
} = loadExample('retry-with-backoff');
const { CircuitBreaker, CallNotPermittedError } =
  loadExample('circuit-breaker');

const policy = { baseMs: 100, capMs: 5_000 };
const ALMOST_ONE = 1 - Number.EPSILON;

/** A fake sleep that records the delays instead of waiting. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = jest.fn(async (ms: number) => {
    delays.push(ms);
  });
  return { delays, sleep };
}

/** An operation that fails with the given errors, then succeeds. */
function failingThen(errors: unknown[], value = 'done') {
  let calls = 0;
  const operation = jest.fn(async (_attempt: number) => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return value;
  });
  return operation;
}

describe('retry-with-backoff example', () => {
  it('grows exponentially and the cap holds', () => {
    expect([0, 1, 2, 3, 4, 5].map(n => cappedExponential(n, policy))).toEqual([
      100, 200, 400, 800, 1600, 3200,
    ]);
    expect(cappedExponential(6, policy)).toBe(5_000);
    expect(cappedExponential(60, policy)).toBe(5_000);
    expect(cappedExponential(5_000, policy)).toBe(5_000); // 2^n overflows to Infinity, cap still holds
  });

  it('keeps full jitter within [0, min(cap, base * 2^n)]', () => {
    for (let n = 0; n <= 40; n++) {
      const bound = Math.min(policy.capMs, policy.baseMs * 2 ** n);
      expect(fullJitter(n, policy, () => 0)).toBe(0);
      expect(fullJitter(n, policy, () => ALMOST_ONE)).toBeLessThanOrEqual(
        bound,
      );
      expect(fullJitter(n, policy, () => 0.5)).toBeCloseTo(bound / 2);
      for (let i = 0; i < 50; i++) {
        const delay = fullJitter(n, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(bound);
        expect(delay).toBeLessThanOrEqual(policy.capMs);
      }
    }
  });

  it('keeps equal and decorrelated jitter within their bounds', () => {
    for (let n = 0; n <= 10; n++) {
      const v = cappedExponential(n, policy);
      expect(equalJitter(n, policy, () => 0)).toBe(v / 2);
      expect(equalJitter(n, policy, () => ALMOST_ONE)).toBeLessThanOrEqual(v);
    }
    let previous = policy.baseMs;
    for (let i = 0; i < 200; i++) {
      const delay = decorrelatedJitter(previous, policy);
      expect(delay).toBeGreaterThanOrEqual(policy.baseMs);
      expect(delay).toBeLessThanOrEqual(Math.min(policy.capMs, previous * 3));
      previous = delay;
    }
  });

  it('computes the 3^5 = 243 amplification of retries at five layers', () => {
    expect(amplification(3, 5)).toBe(243);
    expect(amplification(3, 1)).toBe(3);
  });

  it('retries transient errors with jittered, capped delays and then succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    const operation = failingThen([new HttpError(503), { code: 'ECONNRESET' }]);
    const result = await retryWithBackoff(operation, {
      maxAttempts: 3,
      backoff: policy,
      isRetryable: isTransient,
      sleep,
      random: () => ALMOST_ONE,
    });
    expect(result).toBe('done');
    expect(operation).toHaveBeenCalledTimes(3);
    expect(operation.mock.calls.map(call => call[0])).toEqual([1, 2, 3]);
    expect(delays).toHaveLength(2);
    delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(
        Math.min(policy.capMs, policy.baseMs * 2 ** n),
      );
    });
  });

  it('does not retry non-retryable errors', async () => {
    const { sleep } = recordingSleep();
    for (const status of [400, 401, 403, 404, 422]) {
      const error = new HttpError(status);
      const operation = failingThen([error]);
      await expect(
        retryWithBackoff(operation, {
          maxAttempts: 5,
          backoff: policy,
          isRetryable: isTransient,
          sleep,
        }),
      ).rejects.toBe(error);
      expect(operation).toHaveBeenCalledTimes(1);
    }
    expect(sleep).not.toHaveBeenCalled();
  });

  it('counts the first call in maxAttempts and rethrows the last error', async () => {
    const { sleep } = recordingSleep();
    const errors = [
      new HttpError(503),
      new HttpError(502),
      new HttpError(504),
      new HttpError(503),
    ];
    const operation = failingThen(errors);
    await expect(
      retryWithBackoff(operation, {
        maxAttempts: 3,
        backoff: policy,
        isRetryable: isTransient,
        sleep,
      }),
    ).rejects.toBe(errors[2]);
    expect(operation).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('retries a POST only with an idempotency key, or if the request never left', async () => {
    const post = retryableFor('POST');
    expect(post(new HttpError(503))).toBe(false);
    expect(post({ code: 'ECONNRESET' })).toBe(false);
    expect(post({ code: 'ECONNREFUSED' })).toBe(true);
    expect(retryableFor('POST', true)(new HttpError(503))).toBe(true);
    expect(retryableFor('get')(new HttpError(503))).toBe(true);
    expect(retryableFor('PUT')(new HttpError(400))).toBe(false);

    const { sleep } = recordingSleep();
    const operation = failingThen([new HttpError(503)]);
    await expect(
      retryWithBackoff(operation, {
        maxAttempts: 3,
        backoff: policy,
        isRetryable: post,
        sleep,
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('honours a Retry-After hint from the server', async () => {
    const { delays, sleep } = recordingSleep();
    const operation = failingThen([new HttpError(429, 2_000)]);
    await retryWithBackoff(operation, {
      maxAttempts: 2,
      backoff: policy,
      isRetryable: isTransient,
      sleep,
      random: () => 0.5,
    });
    expect(delays).toEqual([2_000]);
  });

  it('stops retrying when the retry budget is spent and recovers with successes', async () => {
    const budget = new RetryBudget(10, 0.1);
    const { sleep } = recordingSleep();
    const options = {
      maxAttempts: 3,
      backoff: policy,
      isRetryable: isTransient,
      sleep,
      budget,
    };

    // Failures cost a token each; at or below maxTokens / 2 = 5 tokens no retry is made.
    let calls = 0;
    const alwaysDown = async () => {
      calls++;
      throw new HttpError(503);
    };
    for (let i = 0; i < 3; i++)
      await retryWithBackoff(alwaysDown, options).catch(() => undefined);
    expect(budget.canRetry()).toBe(false);

    calls = 0;
    await retryWithBackoff(alwaysDown, options).catch(() => undefined);
    expect(calls).toBe(1); // no retry while the budget is exhausted

    // Successes earn tokenRatio each; enough of them re-enable retries.
    for (let i = 0; i < 30; i++)
      await retryWithBackoff(async () => 'ok', options);
    expect(budget.canRetry()).toBe(true);
  });
  it('gives up instead of sleeping when Retry-After asks for more than the caller will wait', async () => {
    const { sleep } = recordingSleep();
    const error = new HttpError(503, 3_600_000); // "come back in an hour"
    const operation = failingThen([error]);
    await expect(
      retryWithBackoff(operation, {
        maxAttempts: 3,
        backoff: policy, // capMs 5_000 is also the default limit for Retry-After
        isRetryable: isTransient,
        sleep,
      }),
    ).rejects.toBe(error);
    expect(sleep).not.toHaveBeenCalled();
    expect(operation).toHaveBeenCalledTimes(1);

    // A hint inside the configured limit is honoured.
    const { delays, sleep: sleep2 } = recordingSleep();
    await retryWithBackoff(failingThen([new HttpError(429, 8_000)]), {
      maxAttempts: 2,
      backoff: policy,
      isRetryable: isTransient,
      sleep: sleep2,
      maxRetryAfterMs: 10_000,
      random: () => 0,
    });
    expect(delays).toEqual([8_000]);
  });

  it("does not schedule a retry the caller's remaining time cannot fit", async () => {
    const { sleep } = recordingSleep();
    const error = new HttpError(503);
    const operation = failingThen([error]);
    await expect(
      retryWithBackoff(operation, {
        maxAttempts: 3,
        backoff: policy,
        isRetryable: isTransient,
        sleep,
        random: () => ALMOST_ONE, // first delay just under 100 ms
        remainingMs: () => 50,
      }),
    ).rejects.toBe(error);
    expect(sleep).not.toHaveBeenCalled();

    const { delays, sleep: sleep2 } = recordingSleep();
    await expect(
      retryWithBackoff(failingThen([new HttpError(503)]), {
        maxAttempts: 3,
        backoff: policy,
        isRetryable: isTransient,
        sleep: sleep2,
        random: () => 0.5,
        remainingMs: () => 1_000,
      }),
    ).resolves.toBe('done');
    expect(delays).toEqual([50]);
  });

  it('parses Retry-After as delay-seconds or an HTTP-date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0); // already past
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("does not spin on an open breaker's rejection when the breaker sits inside the retry", async () => {
    let time = 0;
    const breaker = new CircuitBreaker('inventory', {
      failureRateThreshold: 50,
      slidingWindowSize: 2,
      minimumNumberOfCalls: 2,
      waitDurationInOpenStateMs: 10_000,
      permittedNumberOfCallsInHalfOpenState: 1,
      now: () => time,
    });
    let dependencyCalls = 0;
    const failingDependency = async () => {
      dependencyCalls++;
      throw new HttpError(503);
    };
    const { sleep } = recordingSleep();
    const attempt = () =>
      retryWithBackoff(() => breaker.execute(failingDependency), {
        maxAttempts: 5,
        backoff: policy,
        isRetryable: isTransient, // a CallNotPermittedError is not transient
        sleep,
      });

    // Attempts 1 and 2 fail and open the breaker; attempt 3 is rejected and not retried.
    await expect(attempt()).rejects.toBeInstanceOf(CallNotPermittedError);
    expect(dependencyCalls).toBe(2);
    expect(sleep).toHaveBeenCalledTimes(2);

    // While open, a new logical call costs one rejection and no sleep.
    await expect(attempt()).rejects.toBeInstanceOf(CallNotPermittedError);
    expect(dependencyCalls).toBe(2);
    expect(sleep).toHaveBeenCalledTimes(2);
    time += 10_000;
    expect(breaker.state).toBe('HALF_OPEN');
  });
  it('with an idempotency key, retries the 409 that means "the first request is still running"', async () => {
    const keyed = retryableFor('POST', true);
    expect(keyed(new HttpError(409, 1_000))).toBe(true);
    expect(keyed(new HttpError(409))).toBe(false); // a plain conflict is not transient
    expect(keyed(new HttpError(503))).toBe(true);
    expect(retryableFor('PUT')(new HttpError(409, 1_000))).toBe(false);

    const { delays, sleep } = recordingSleep();
    const operation = failingThen([new HttpError(409, 1_000)], 'charged once');
    await expect(
      retryWithBackoff(operation, {
        maxAttempts: 3,
        backoff: policy,
        isRetryable: keyed,
        sleep,
        random: () => 0,
      }),
    ).resolves.toBe('charged once');
    expect(delays).toEqual([1_000]);
  });
});
