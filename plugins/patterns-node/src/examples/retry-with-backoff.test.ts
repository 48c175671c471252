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
} = loadExample('retry-with-backoff');

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
});
