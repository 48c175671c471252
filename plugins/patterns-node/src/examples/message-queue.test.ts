import { loadExample } from './__testUtils__/loadExample';

const { WorkQueue, QueueWorker, acceptInvoiceRequest } =
  loadExample('message-queue');

/** A sleep that never fires: no handler deadline or idle delay ever elapses. */
const neverSleep = () => new Promise<void>(() => {});

/** Resolves with 'hung' if the promise has not settled within a short real time. */
function settlesOrHangs<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([
    promise,
    new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 100)),
  ]);
}

async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Timers that fire only when the test says so. */
function manualSleep() {
  const timers: { ms: number; fire: () => void }[] = [];
  return {
    timers,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        timers.push({ ms, fire: resolve });
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  };
}

function queueWithClock(visibilityTimeoutMs = 30_000) {
  const clock = { t: 0 };
  let id = 0;
  const queue = new WorkQueue({
    visibilityTimeoutMs,
    maxReceiveCount: 3,
    now: () => clock.t,
    newId: () => `id-${++id}`,
  });
  return { queue, clock };
}

describe('message-queue example', () => {
  it('does not process a batch message twice when its lease lapsed while earlier messages ran', async () => {
    const { queue, clock } = queueWithClock(30_000);
    queue.send('a');
    queue.send('b');
    queue.send('c');
    const processed: string[] = [];

    const workerB = new QueueWorker(
      queue,
      async (body: string) => {
        processed.push(`B:${body}`);
      },
      { batchSize: 3, sleep: neverSleep },
    );
    const workerA = new QueueWorker(
      queue,
      async (body: string) => {
        processed.push(`A:${body}`);
        clock.t += 20_000; // each job takes 20 s of a 30 s visibility timeout
        if (body === 'b') await workerB.pollOnce(); // another worker polls at t = 40 s
      },
      { batchSize: 3, sleep: neverSleep },
    );

    await workerA.pollOnce();

    for (const body of ['a', 'b', 'c']) {
      expect(processed.filter(p => p.endsWith(`:${body}`))).toHaveLength(1);
    }
    expect(queue.stats()).toEqual({ visible: 0, inFlight: 0, deadLettered: 0 });
  });

  it('abandons a hung handler at its deadline, aborts it and releases the message for a later retry', async () => {
    const { queue, clock } = queueWithClock(30_000);
    queue.send('slow');
    const { timers, sleep } = manualSleep();
    let handlerSignal: AbortSignal | undefined;
    const errors: unknown[] = [];
    const worker = new QueueWorker(
      queue,
      (_body: string, _message: unknown, signal: AbortSignal) => {
        handlerSignal = signal;
        return new Promise<void>(() => {});
      },
      {
        sleep,
        handlerTimeoutMs: 20_000,
        retryDelayMs: () => 5_000,
        onError: (e: unknown) => errors.push(e),
      },
    );

    const poll = worker.pollOnce();
    await flush();
    timers.find(timer => timer.ms === 20_000)?.fire();

    expect(await settlesOrHangs(poll)).toBe(1);
    expect(handlerSignal?.aborted).toBe(true);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toMatch(/within 20000 ms/);
    expect(queue.receive()).toHaveLength(0); // hidden for the retry delay
    clock.t += 5_000;
    expect(queue.receive()).toHaveLength(1);
  });

  it('dead-letters a poison message after maxReceiveCount receives and can redrive it', async () => {
    const { queue, clock } = queueWithClock(30_000);
    queue.send('poison');
    const worker = new QueueWorker(
      queue,
      async () => {
        throw new Error('cannot render');
      },
      { sleep: neverSleep, retryDelayMs: () => 0 },
    );

    for (let i = 0; i < 4; i++) {
      await worker.pollOnce();
      clock.t += 1;
    }

    expect(queue.deadLetters().map((d: any) => d.receiveCount)).toEqual([3]);
    expect(queue.redrive()).toBe(1);
    expect(queue.receive()[0].receiveCount).toBe(1);
  });

  it('deletes a message once its handler succeeds and answers producers with 202', async () => {
    const { queue } = queueWithClock();
    const rendered: string[] = [];
    expect(acceptInvoiceRequest(queue, '42')).toEqual({
      status: 202,
      jobId: 'id-1',
    });
    const worker = new QueueWorker(
      queue,
      async (job: any) => {
        rendered.push(job.idempotencyKey);
      },
      { sleep: neverSleep },
    );

    await worker.pollOnce();

    expect(rendered).toEqual(['invoice:42']);
    expect(queue.stats()).toEqual({ visible: 0, inFlight: 0, deadLettered: 0 });
  });
});
