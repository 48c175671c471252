import { loadExample } from './__testUtils__/loadExample';

const { StranglerRouteTable, createFacade, customerFromLegacy, isCanonicalPath } =
  loadExample('strangler-fig');

function manualTimers() {
  const pending = new Set<() => void>();
  return {
    setTimeout: (cb: () => void) => {
      pending.add(cb);
      return cb;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as () => void),
    fireAll: () => [...pending].forEach(cb => cb()),
    get size() {
      return pending.size;
    },
  };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

function upstream(respond: (req: { method: string; path: string }) => Promise<{ status: number; body: unknown }>) {
  const calls: Array<{ method: string; path: string }> = [];
  return {
    calls,
    forward: (req: { method: string; path: string }) => {
      calls.push(req);
      return respond(req);
    },
  };
}

const never = () => new Promise<never>(() => {});
const ok = (body: unknown) => async () => ({ status: 200, body });

describe('strangler fig example', () => {
  describe('route table', () => {
    it('matches prefixes on segment boundaries, longest first', () => {
      const table = new StranglerRouteTable([
        { prefix: '/api/customers', modernPercent: 100 },
        { prefix: '/api/customers/export', modernPercent: 0 },
      ]);
      expect(table.resolve({ method: 'GET', path: '/api/customers/7' })).toBe('modern');
      expect(table.resolve({ method: 'GET', path: '/api/customers/export/all' })).toBe('legacy');
      expect(table.resolve({ method: 'GET', path: '/api/customersX' })).toBe('legacy');
    });

    it('treats a catch-all "/" rule and trailing slashes as prefixes', () => {
      const table = new StranglerRouteTable([
        { prefix: '/', modernPercent: 100 },
        { prefix: '/api/invoices/', modernPercent: 100 },
      ]);
      expect(table.resolve({ method: 'GET', path: '/anything/else' })).toBe('modern');
      expect(table.resolve({ method: 'GET', path: '/api/invoices/9' })).toBe('modern');
    });

    it('keeps a user on the same side of a partial migration', () => {
      const table = new StranglerRouteTable([{ prefix: '/api/customers', modernPercent: 50 }], () => {
        throw new Error('random must not be used for known users');
      });
      const first = table.resolve({ method: 'GET', path: '/api/customers/1', userId: 'u-1' });
      for (let i = 0; i < 10; i++) {
        expect(table.resolve({ method: 'GET', path: '/api/customers/1', userId: 'u-1' })).toBe(first);
      }
    });
  });

  describe('facade', () => {
    const table = new StranglerRouteTable([{ prefix: '/api/customers', modernPercent: 100 }]);

    it('refuses paths whose meaning depends on normalisation', async () => {
      const modern = upstream(ok('modern'));
      const legacy = upstream(ok('legacy'));
      const facade = createFacade(table, { modern, legacy }, { timeoutMs: 1_000 });
      for (const path of ['/api/customers/../admin', '/api/customers/..%2Fadmin', '/api/customers/%2e%2e/x']) {
        expect(isCanonicalPath(path)).toBe(false);
        await expect(facade({ method: 'GET', path })).resolves.toMatchObject({ status: 400 });
      }
      expect(modern.calls).toHaveLength(0);
      expect(legacy.calls).toHaveLength(0);
    });

    it('falls back to legacy when the modern backend hangs on a GET', async () => {
      const timers = manualTimers();
      const modern = upstream(never);
      const legacy = upstream(ok('from legacy'));
      const facade = createFacade(table, { modern, legacy }, { timeoutMs: 1_000, timers });

      const result = facade({ method: 'GET', path: '/api/customers/7' });
      await flush();
      timers.fireAll();
      const settled = await Promise.race([result, new Promise(r => setTimeout(() => r('hung'), 100))]);

      expect(settled).toMatchObject({ status: 200, body: 'from legacy', servedBy: 'legacy' });
    });

    it('answers 504 and does not replay a write when the modern backend hangs', async () => {
      const timers = manualTimers();
      const modern = upstream(never);
      const legacy = upstream(ok('from legacy'));
      const facade = createFacade(table, { modern, legacy }, { timeoutMs: 1_000, timers });

      const result = facade({ method: 'POST', path: '/api/customers' });
      await flush();
      timers.fireAll();
      const settled = await Promise.race([result, new Promise(r => setTimeout(() => r('hung'), 100))]);

      expect(settled).toMatchObject({ status: 504 });
      expect(legacy.calls).toHaveLength(0);
    });

    it('does not replay a failed write on legacy', async () => {
      const modern = upstream(async () => ({ status: 503, body: 'down' }));
      const legacy = upstream(ok('legacy'));
      const facade = createFacade(table, { modern, legacy }, { timeoutMs: 1_000 });
      await expect(facade({ method: 'POST', path: '/api/customers' })).resolves.toMatchObject({
        status: 503,
        servedBy: 'modern',
      });
      expect(legacy.calls).toHaveLength(0);
    });
  });

  describe('anti-corruption layer', () => {
    const record = { CUST_NO: ' 00042 ', NAME_1: 'Ada  ', NAME_2: ' Lovelace', STAT_CD: 'A', CRLIM_CENTS: '150000' };

    it('translates a legacy record into the domain model', () => {
      expect(customerFromLegacy(record)).toEqual({
        id: '00042',
        displayName: 'Ada Lovelace',
        status: 'active',
        creditLimitCents: 150000,
      });
    });

    it('rejects a status code it does not know instead of passing undefined through', () => {
      expect(() => customerFromLegacy({ ...record, STAT_CD: 'Z' })).toThrow(/status/);
      expect(() => customerFromLegacy({ ...record, STAT_CD: 'toString' })).toThrow(/status/);
    });

    it('rejects malformed amounts instead of truncating them', () => {
      expect(() => customerFromLegacy({ ...record, CRLIM_CENTS: '1500.00' })).toThrow(/credit limit/);
      expect(() => customerFromLegacy({ ...record, CRLIM_CENTS: '12abc' })).toThrow(/credit limit/);
    });
  });
});
