import { loadExample } from './__testUtils__/loadExample';

const {
  createReportApi,
  parseIdempotencyKey,
  validateReportRequest,
  runReportJob,
  ReportRejectedError,
  PendingReplies,
  ReplyTimeoutError,
  requestReply,
} = loadExample('asynchronous-request-reply');

type Job = Record<string, any>;

/** An in-memory job store with the atomic create-or-get the example requires. */
class MemoryJobStore {
  jobs = new Map<string, Job>();
  work: any[] = [];
  now = () => 0;

  async createOrGet(job: Job, work: unknown) {
    const existing = [...this.jobs.values()].find(
      j =>
        job.idempotencyKey !== undefined &&
        j.owner === job.owner &&
        j.idempotencyKey === job.idempotencyKey &&
        j.expiresAt > this.now(),
    );
    if (existing) return { job: existing, created: false };
    this.jobs.set(job.id, { ...job });
    this.work.push(work); // the outbox row, committed with the job
    return { job, created: true };
  }

  async get(id: string) {
    return this.jobs.get(id);
  }

  async transition(id: string, from: string[], change: Job) {
    const job = this.jobs.get(id);
    if (!job || !from.includes(job.status)) return false;
    this.jobs.set(id, { ...job, ...change });
    return true;
  }
}

const body = { from: '2026-01-01', to: '2026-03-31', format: 'csv' };

function setup(overrides: Record<string, unknown> = {}) {
  const clock = { t: 1_000_000 };
  const store = new MemoryJobStore();
  store.now = () => clock.t;
  let ids = 0;
  const api = createReportApi(store, {
    jobTtlMs: 24 * 3_600_000,
    minPollSeconds: 2,
    maxPollSeconds: 30,
    requireIdempotencyKey: false,
    jobsPath: '/v1/report-jobs',
    now: () => clock.t,
    newId: () => `job-${++ids}`,
    ...overrides,
  });
  const request = (extra: Record<string, unknown> = {}) => ({
    principal: 'alice',
    headers: {},
    params: {},
    body,
    ...extra,
  });
  return { clock, store, api, request };
}

describe('asynchronous-request-reply example', () => {
  it('answers 202 with a status URL, then 200 while running, then 303 to the result', async () => {
    const { clock, store, api, request } = setup();

    const accepted = await api.submit(request());
    expect(accepted.status).toBe(202);
    expect(accepted.headers.location).toBe('/v1/report-jobs/job-1');
    expect(accepted.headers['retry-after']).toBe('2');
    expect(accepted.body).toMatchObject({ id: 'job-1', status: 'queued' });
    expect(store.work).toEqual([{ jobId: 'job-1', request: body }]);

    const queued = await api.status(request({ params: { id: 'job-1' } }));
    expect(queued.status).toBe(200);
    expect(queued.body.status).toBe('queued');

    let finish!: (location: string) => void;
    const running = runReportJob(
      store,
      store.work[0],
      () => new Promise<string>(resolve => (finish = resolve)),
      () => clock.t,
    );
    await new Promise(resolve => setImmediate(resolve));
    clock.t += 120_000;
    const inProgress = await api.status(request({ params: { id: 'job-1' } }));
    expect(inProgress.status).toBe(200);
    expect(inProgress.body.status).toBe('running');
    expect(inProgress.headers['retry-after']).toBe('12'); // the hint grows with the job's age

    finish('/v1/reports/job-1');
    await running;
    const done = await api.status(request({ params: { id: 'job-1' } }));
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/v1/reports/job-1');
    expect(done.headers['retry-after']).toBeUndefined();
  });

  it('answers 404 for an unknown id and for another caller’s job', async () => {
    const { api, request } = setup();
    await api.submit(request());

    const unknown = await api.status(request({ params: { id: 'nope' } }));
    const foreign = await api.status(
      request({ principal: 'mallory', params: { id: 'job-1' } }),
    );

    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect(foreign.headers['content-type']).toBe('application/problem+json');
  });

  it('returns the same job for a duplicate submission with the same idempotency key', async () => {
    const { store, api, request } = setup();
    const headers = {
      'idempotency-key': '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
    };

    const first = await api.submit(request({ headers }));
    const retry = await api.submit(request({ headers }));

    expect(retry.status).toBe(202);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body.id).toBe(first.body.id);
    expect(store.jobs.size).toBe(1);
    expect(store.work).toHaveLength(1); // the work was enqueued once
  });

  it('scopes idempotency keys to the caller', async () => {
    const { store, api, request } = setup();
    const headers = { 'idempotency-key': '"k-1"' };

    const alice = await api.submit(request({ headers }));
    const bob = await api.submit(request({ headers, principal: 'bob' }));

    expect(bob.headers.location).not.toBe(alice.headers.location);
    expect(store.jobs.size).toBe(2);
  });

  it('rejects a key reused for a different request with 422', async () => {
    const { store, api, request } = setup();
    const headers = { 'idempotency-key': '"k-1"' };
    await api.submit(request({ headers }));

    const reused = await api.submit(
      request({ headers, body: { ...body, format: 'pdf' } }),
    );

    expect(reused.status).toBe(422);
    expect(store.jobs.size).toBe(1);
  });

  it('creates a new job once the earlier job and its key have expired', async () => {
    const { clock, store, api, request } = setup();
    const headers = { 'idempotency-key': '"k-1"' };
    await api.submit(request({ headers }));

    clock.t += 24 * 3_600_000;
    const expired = await api.status(request({ params: { id: 'job-1' } }));
    const again = await api.submit(request({ headers }));

    expect(expired.status).toBe(410);
    expect(again.headers.location).toBe('/v1/report-jobs/job-2');
    expect(store.work).toHaveLength(2);
  });

  it('validates before accepting: 400 for a bad body or a malformed or missing key', async () => {
    const { api, request } = setup({ requireIdempotencyKey: true });

    const badBody = await api.submit(
      request({
        body: { from: '2026-03-01', to: '2026-01-01', format: 'csv' },
      }),
    );
    const unquoted = await api.submit(
      request({ headers: { 'idempotency-key': 'k-1' } }),
    );
    const missing = await api.submit(request());

    expect([badBody.status, unquoted.status, missing.status]).toEqual([
      400, 400, 400,
    ]);
    expect(badBody.body.detail).toBe('to must not be before from');
    expect(missing.body.title).toBe('Idempotency-Key required');
  });

  it('refuses a well-formed date that does not exist before accepting anything', async () => {
    const { store, api, request } = setup();

    const response = await api.submit(
      request({
        body: { from: '2026-02-30', to: '2026-03-31', format: 'csv' },
      }),
    );

    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('from must be a date (YYYY-MM-DD)');
    expect(store.jobs.size).toBe(0);
    expect(store.work).toHaveLength(0);
    expect(
      validateReportRequest({ from: '2024-02-29', to: '2024-03-01', format: 'pdf' }),
    ).toEqual({ from: '2024-02-29', to: '2024-03-01', format: 'pdf' });
    expect(
      validateReportRequest({ from: '2026-01-01', to: '2026-13-01', format: 'pdf' }),
    ).toBe('to must be a date (YYYY-MM-DD)');
  });

  it('reports the job as failed when its last attempt fails, instead of leaving it running', async () => {
    const { store, api, request } = setup();
    await api.submit(request());
    const down = async (): Promise<string> => {
      throw new Error('database timeout');
    };

    await expect(runReportJob(store, store.work[0], down)).rejects.toThrow(
      'database timeout',
    );
    expect(
      (await api.status(request({ params: { id: 'job-1' } }))).body.status,
    ).toBe('running'); // the queue will retry

    await expect(
      runReportJob(store, store.work[0], down, () => 1_000_000, {
        lastAttempt: true,
      }),
    ).rejects.toThrow('database timeout'); // still rethrown: the consumer dead-letters the item
    const failed = await api.status(request({ params: { id: 'job-1' } }));

    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      error: { title: 'Report failed' },
    });
    expect(failed.headers['retry-after']).toBeUndefined();
  });

  it('parses Idempotency-Key as a Structured Fields string', () => {
    expect(parseIdempotencyKey('"abc"')).toBe('abc');
    expect(parseIdempotencyKey(' "a\\"b" ')).toBe('a"b');
    expect(parseIdempotencyKey('abc')).toBeUndefined();
    expect(parseIdempotencyKey('""')).toBeUndefined();
    expect(parseIdempotencyKey('"tab\there"')).toBeUndefined();
    expect(parseIdempotencyKey(`"${'x'.repeat(256)}"`)).toBeUndefined();
    expect(
      validateReportRequest({
        from: '2026-01-01',
        to: '2026-01-02',
        format: 'xls',
      }),
    ).toBe('format must be csv or pdf');
  });

  it('reports a rejected job as failed with 200 and problem details in the body', async () => {
    const { store, api, request } = setup();
    await api.submit(request());

    await runReportJob(store, store.work[0], async () => {
      throw new ReportRejectedError('range exceeds the 5-year archive');
    });
    const failed = await api.status(request({ params: { id: 'job-1' } }));

    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      error: {
        title: 'Report rejected',
        detail: 'range exceeds the 5-year archive',
      },
    });
  });

  it('lets the queue retry transient worker failures, and ignores redelivered items of finished jobs', async () => {
    const { store, api, request } = setup();
    await api.submit(request());
    let renders = 0;
    const flaky = async () => {
      renders++;
      if (renders === 1) throw new Error('database timeout');
      return '/v1/reports/job-1';
    };

    await expect(runReportJob(store, store.work[0], flaky)).rejects.toThrow(
      'database timeout',
    );
    await runReportJob(store, store.work[0], flaky); // the redelivery takes over the 'running' job
    await runReportJob(store, store.work[0], flaky); // a duplicate after success does nothing

    expect(renders).toBe(2);
    expect(
      (await api.status(request({ params: { id: 'job-1' } }))).status,
    ).toBe(303);
  });

  describe('request-reply over messaging', () => {
    function timers() {
      const pending: Array<{ fn: () => void; cancelled: boolean }> = [];
      return {
        pending,
        schedule: (_ms: number, fn: () => void) => {
          const t = { fn, cancelled: false };
          pending.push(t);
          return () => {
            t.cancelled = true;
          };
        },
        fireAll: () => pending.filter(t => !t.cancelled).forEach(t => t.fn()),
      };
    }

    it('correlates replies by id, whatever order they arrive in', async () => {
      const t = timers();
      let n = 0;
      const replies = new PendingReplies(t, () => `c-${++n}`);
      const sent: any[] = [];
      const send = async (message: any) => {
        sent.push(message);
      };

      const a = requestReply(
        replies,
        send,
        'reply.quotes.7',
        { sku: 'A' },
        5_000,
      );
      const b = requestReply(
        replies,
        send,
        'reply.quotes.7',
        { sku: 'B' },
        5_000,
      );
      await Promise.resolve();
      expect(sent.map(m => [m.correlationId, m.replyTo])).toEqual([
        ['c-1', 'reply.quotes.7'],
        ['c-2', 'reply.quotes.7'],
      ]);

      expect(replies.deliver('c-2', { price: 2 })).toBe(true);
      expect(replies.deliver('c-1', { price: 1 })).toBe(true);

      await expect(a).resolves.toEqual({ price: 1 });
      await expect(b).resolves.toEqual({ price: 2 });
      expect(replies.outstanding).toBe(0);
    });

    it('times out, then drops the late reply and a duplicate instead of failing', async () => {
      const t = timers();
      const replies = new PendingReplies(t, () => 'c-1');
      const call = requestReply(replies, async () => {}, 'reply.q', {}, 5_000);

      t.fireAll();
      await expect(call).rejects.toBeInstanceOf(ReplyTimeoutError);
      expect(replies.deliver('c-1', { late: true })).toBe(false);
      expect(replies.deliver(undefined, {})).toBe(false);
      expect(replies.unmatched).toBe(2);
    });

    it('fails fast when the request cannot be sent', async () => {
      const t = timers();
      const replies = new PendingReplies(t, () => 'c-1');

      await expect(
        requestReply(
          replies,
          async () => {
            throw new Error('broker unreachable');
          },
          'reply.q',
          {},
          5_000,
        ),
      ).rejects.toThrow('broker unreachable');
      expect(replies.outstanding).toBe(0);
      expect(t.pending.every(x => x.cancelled)).toBe(true);
    });
  });
});
