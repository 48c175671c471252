import { mockServices } from '@backstage/backend-test-utils';
import { readCatalogTimeoutMs } from './catalogTimeout';

const read = (timeout?: unknown) =>
  readCatalogTimeoutMs(
    mockServices.rootConfig({
      data: timeout === undefined ? {} : { patterns: { catalog: { timeout } } },
    }),
  );

describe('readCatalogTimeoutMs', () => {
  it('defaults to 10 seconds', () => {
    expect(read()).toBe(10_000);
  });

  it.each([
    [{ seconds: 3 }, 3_000],
    [{ milliseconds: 250 }, 250],
    ['2s', 2_000],
    ['PT1M', 60_000],
  ])('reads %j', (timeout, ms) => {
    expect(read(timeout)).toBe(ms);
  });

  it.each([['soon'], [{ seconds: 0 }], [{ seconds: -1 }]])(
    'refuses %j',
    timeout => {
      expect(() => read(timeout)).toThrow(/patterns\.catalog\.timeout/);
    },
  );
});
