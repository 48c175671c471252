import { loadExample } from './__testUtils__/loadExample';

const { judgeErrorRate, requiredRequestsPerCohort, runCanary } = loadExample('canary-deployment');

const cfg = {
  minRequests: 100,
  maxRelativeIncrease: 0.25,
  absoluteTolerance: 0.0005,
  zCritical: 2.33,
};

describe('canary deployment example', () => {
  describe('judgeErrorRate', () => {
    it('fails a canary that is clearly and significantly worse', () => {
      const verdict = judgeErrorRate(
        { requests: 100_000, errors: 1_000 },
        { requests: 100_000, errors: 300 },
        cfg,
      );
      expect(verdict.result).toBe('fail');
      expect(verdict.z).toBeGreaterThan(cfg.zCritical);
    });

    it('passes a canary that matches the baseline', () => {
      const verdict = judgeErrorRate(
        { requests: 100_000, errors: 300 },
        { requests: 100_000, errors: 300 },
        cfg,
      );
      expect(verdict.result).toBe('pass');
    });

    it('is inconclusive below minRequests', () => {
      const verdict = judgeErrorRate({ requests: 50, errors: 10 }, { requests: 50, errors: 0 }, cfg);
      expect(verdict.result).toBe('inconclusive');
    });

    it('does not pass a canary that is far worse on a sample too small to be significant', () => {
      // 2.5 percent errors against 0 percent, 200 requests each: z is about 2.25, below 2.33.
      const verdict = judgeErrorRate({ requests: 200, errors: 5 }, { requests: 200, errors: 0 }, cfg);
      expect(verdict.z).toBeLessThan(cfg.zCritical);
      expect(verdict.result).toBe('inconclusive');
    });
  });

  it('reproduces the sample sizes quoted in the text', () => {
    // 0.3 -> 0.4 percent: about 70,000 per cohort; 0.3 -> 0.6 percent: about 10,000.
    expect(requiredRequestsPerCohort(0.003, 0.004)).toBeGreaterThan(69_000);
    expect(requiredRequestsPerCohort(0.003, 0.004)).toBeLessThan(71_000);
    expect(requiredRequestsPerCohort(0.003, 0.006)).toBeGreaterThan(9_500);
    expect(requiredRequestsPerCohort(0.003, 0.006)).toBeLessThan(10_500);
    expect(() => requiredRequestsPerCohort(0.004, 0.003)).toThrow();
  });

  function router() {
    const weights: number[] = [];
    return { weights, setCanaryWeight: async (p: number) => void weights.push(p) };
  }

  const steps = [
    { kind: 'setWeight', percent: 5 },
    { kind: 'pause', ms: 600_000 },
    { kind: 'analyze', windowMs: 600_000 },
    { kind: 'setWeight', percent: 25 },
    { kind: 'analyze', windowMs: 600_000 },
  ];
  const sleep = async () => {};

  it('promotes when every analysis passes', async () => {
    const r = router();
    const metrics = {
      podCount: async () => 3,
      window: async () => ({ requests: 100_000, errors: 100 }),
    };
    const outcome = await runCanary(steps, r, metrics, cfg, sleep);
    expect(outcome.status).toBe('promoted');
    expect(r.weights).toEqual([5, 25, 100]);
  });

  it('aborts and removes canary traffic when a verdict fails', async () => {
    const r = router();
    const metrics = {
      podCount: async () => 3,
      window: async (cohort: string) =>
        cohort === 'canary' ? { requests: 100_000, errors: 2_000 } : { requests: 100_000, errors: 100 },
    };
    const outcome = await runCanary(steps, r, metrics, cfg, sleep);
    expect(outcome).toMatchObject({ status: 'aborted', atStep: 2 });
    expect(r.weights).toEqual([5, 0]);
  });

  it('pauses on an unfair comparison', async () => {
    const r = router();
    const metrics = {
      podCount: async (cohort: string) => (cohort === 'canary' ? 3 : 2),
      window: async () => ({ requests: 100_000, errors: 100 }),
    };
    const outcome = await runCanary(steps, r, metrics, cfg, sleep);
    expect(outcome.status).toBe('paused');
  });

  it('aborts and sets the weight to zero when the metrics backend fails, instead of leaving the canary unobserved', async () => {
    const r = router();
    const metrics = {
      podCount: async () => 3,
      window: async () => {
        throw new Error('prometheus unavailable');
      },
    };
    const outcome = await runCanary(steps, r, metrics, cfg, sleep).catch((e: Error) => ({
      status: 'threw',
      reason: e.message,
    }));
    expect(outcome.status).toBe('aborted');
    expect(r.weights).toEqual([5, 0]);
  });
});
