import { loadExample } from './__testUtils__/loadExample';

const { scaledValue, resolveRollingBounds, planRollingUpdate } = loadExample('rolling-deployment');

describe('rolling deployment example', () => {
  it('rounds surge up and unavailability down, like the Deployment controller', () => {
    expect(resolveRollingBounds(4)).toEqual({
      maxSurge: 1,
      maxUnavailable: 1,
      maxTotalPods: 5,
      minAvailablePods: 3,
    });
    expect(resolveRollingBounds(3)).toMatchObject({ maxSurge: 1, maxUnavailable: 0 });
    expect(resolveRollingBounds(100)).toMatchObject({ maxTotalPods: 125, minAvailablePods: 75 });
  });

  it('applies the fencepost rule when rounding makes both values zero', () => {
    expect(resolveRollingBounds(5, '0%', '10%')).toMatchObject({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('rejects maxSurge and maxUnavailable both 0, as API validation does', () => {
    expect(() => resolveRollingBounds(4, 0, 0)).toThrow();
    expect(() => resolveRollingBounds(4, '0%', 0)).toThrow();
  });

  it('rejects percentages Kubernetes would reject instead of rounding them', () => {
    expect(() => scaledValue('12.5%', 10, true)).toThrow();
    expect(() => scaledValue('25abc%' as never, 10, true)).toThrow();
    expect(() => scaledValue(-1, 10, true)).toThrow();
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
  });

  it.each([
    [4, '25%', '25%'],
    [3, '25%', '25%'],
    [8, '25%', 0],
    [10, 2, '10%'],
    [1, '25%', '25%'],
  ])('plans %s replicas (surge %s, unavailable %s) within the budget', (replicas, surge, unavailable) => {
    const bounds = resolveRollingBounds(replicas, surge, unavailable);
    const steps = planRollingUpdate(replicas, surge, unavailable);
    for (const step of steps) {
      expect(step.total).toBeLessThanOrEqual(bounds.maxTotalPods);
      expect(step.available).toBeGreaterThanOrEqual(bounds.minAvailablePods);
    }
    expect(steps[steps.length - 1]).toMatchObject({ oldPods: 0, newPods: replicas });
  });

  it('matches the step counts quoted in the text', () => {
    expect(planRollingUpdate(4)).toHaveLength(4);
    expect(planRollingUpdate(3)).toHaveLength(6);
  });
});
