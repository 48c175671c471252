import { loadExample } from './__testUtils__/loadExample';

const {
  CompetingConsumer,
  PermanentError,
  LeaseLostError,
  ProcessingTimeoutError,
  defaultRetryDelay,
  createInvoiceConsumer,
} = loadExample('competing-consumers');

/** Lets pending promise callbacks (broker calls, handler continuations) run. */
const flush = () => new Promise<void>(resolve => setImmediate(resolve));

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  owner: ClockView;
}

/** One consumer process's view of the clock; killing it drops its timers, as a crash would. */
class ClockView {
  private dead = false;
  constructor(private readonly clock: FakeClock) {}
  now = () => this.clock.t;
  schedule = (ms: number, fn: () => void) => {
    if (this.dead) return () => {};
    return this.clock.add(this, ms, fn);
  };
  kill() {
    this.dead = true;
    this.clock.drop(this);
  }
}

/** A clock whose timers fire only when the test advances it. */
class FakeClock {
  t = 0;
  private timers: Timer[] = [];
  private seq = 0;

  /** A view for one consumer process; killing it drops its timers, as a crash would. */
  view(): ClockView {
    return new ClockView(this);
  }

  add(owner: ClockView, ms: number, fn: () => void): () => void {
    const timer = { at: this.t + ms, seq: this.seq++, fn, owner };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter(t => t !== timer);
    };
  }

  drop(owner: ClockView) {
    this.timers = this.timers.filter(t => t.owner !== owner);
  }

  async advance(ms: number) {
    const target = this.t + ms;
    await flush();
    for (;;) {
      const due = this.timers
        .filter(t => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter(t => t !== due);
      this.t = due.at;
      due.fn();
      await flush();
    }
    this.t = target;
    await flush();
  }
}

interface Stored {
  messageId: string;
  body: unknown;
  receiveCount: number;
  visibleAt: number;
  receipt?: string;
}

/** An in-memory broker with SQS semantics: leases, stale receipts, receive counts and a redrive limit. */
class FakeQueue {
  messages: Stored[] = [];
  brokerDeadLetters: Stored[] = [];
  calls: string[] = [];
  private nextReceipt = 1;

  constructor(
    private readonly clock: FakeClock,
    private readonly maxReceiveCount = 8,
  ) {}

  send(messageId: string, body: unknown) {
    this.messages.push({ messageId, body, receiveCount: 0, visibleAt: 0 });
  }

  private byReceipt(receipt: string) {
    return this.messages.find(m => m.receipt === receipt);
  }

  async receive(max: number, leaseMs: number) {
    const out = [];
    for (const m of [...this.messages]) {
      if (out.length >= max) break;
      if (m.visibleAt > this.clock.t) continue;
      if (m.receiveCount >= this.maxReceiveCount) {
        this.messages.splice(this.messages.indexOf(m), 1);
        this.brokerDeadLetters.push(m);
        continue;
      }
      m.receiveCount++;
      m.receipt = `r${this.nextReceipt++}`;
      m.visibleAt = this.clock.t + leaseMs;
      out.push({
        messageId: m.messageId,
        body: m.body,
        receipt: m.receipt,
        deliveryCount: m.receiveCount,
      });
    }
    return out;
  }

  /** When set, every extension call fails (a network error), as during a broker brown-out. */
  failExtends = false;

  async extendLease(receipt: string, leaseMs: number) {
    this.calls.push(`extend ${receipt} at ${this.clock.t}`);
    if (this.failExtends) throw new Error('connection reset');
    const m = this.byReceipt(receipt);
    if (!m) return false;
    m.visibleAt = this.clock.t + leaseMs;
    return true;
  }

  async ack(receipt: string) {
    this.calls.push(`ack ${receipt}`);
    const m = this.byReceipt(receipt);
    if (!m) return false;
    this.messages.splice(this.messages.indexOf(m), 1);
    return true;
  }

  async release(receipt: string, delayMs: number) {
    this.calls.push(`release ${receipt} ${delayMs}`);
    const m = this.byReceipt(receipt);
    if (!m) return false;
    m.visibleAt = this.clock.t + delayMs;
    return true;
  }

  /** Another consumer took the message over: the old receipt is stale now. */
  steal(messageId: string) {
    const m = this.messages.find(x => x.messageId === messageId)!;
    m.receipt = `stolen-${m.receipt}`;
  }
}

class FakeDlq {
  letters: any[] = [];
  failNext = false;
  async put(letter: unknown) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('DLQ unavailable');
    }
    this.letters.push(letter);
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

function setup(options: Record<string, unknown> = {}, maxReceiveCount = 8) {
  const clock = new FakeClock();
  const queue = new FakeQueue(clock, maxReceiveCount);
  const dlq = new FakeDlq();
  const events: any[] = [];
  const consumer = (handler: any, view = clock.view()) =>
    new CompetingConsumer(queue, dlq, handler, {
      concurrency: 4,
      leaseMs: 30_000,
      extendEveryMs: 10_000,
      maxProcessingMs: 600_000,
      maxAttempts: 3,
      random: () => 1,
      clock: view,
      onEvent: (e: any) => events.push(e),
      ...options,
    });
  return { clock, queue, dlq, events, consumer };
}

describe('competing-consumers example', () => {
  it('dead-letters a poison message after maxAttempts deliveries, with growing retry delays', async () => {
    const { clock, queue, dlq, events, consumer } = setup();
    queue.send('m1', { orderId: 'o-1' });
    let calls = 0;
    const c = consumer(async () => {
      calls++;
      throw new Error('renderer returned 500');
    });

    for (let i = 0; i < 10 && dlq.letters.length === 0; i++) {
      await c.pollOnce();
      await c.drain();
      await clock.advance(5_000);
    }

    expect(calls).toBe(3);
    expect(dlq.letters).toHaveLength(1);
    expect(dlq.letters[0]).toMatchObject({
      messageId: 'm1',
      body: { orderId: 'o-1' },
      deliveryCount: 3,
    });
    expect(dlq.letters[0].reason).toContain('failed 3 deliveries');
    expect(dlq.letters[0].reason).toContain('renderer returned 500');
    expect(queue.messages).toHaveLength(0);
    expect(queue.brokerDeadLetters).toHaveLength(0);
    expect(
      events.filter(e => e.type === 'retry-scheduled').map(e => e.delayMs),
    ).toEqual([1_000, 2_000]);
  });

  it('sends a PermanentError to the DLQ on the first delivery', async () => {
    const { queue, dlq, consumer } = setup();
    queue.send('m1', { orderId: '' });
    const c = consumer(async () => {
      throw new PermanentError('orderId missing');
    });

    await c.pollOnce();
    await c.drain();

    expect(dlq.letters).toHaveLength(1);
    expect(dlq.letters[0].deliveryCount).toBe(1);
    expect(dlq.letters[0].reason).toMatch(/^permanent failure: PermanentError/);
    expect(queue.messages).toHaveLength(0);
  });

  it('extends the lease of a slow message so no other consumer receives it, and acks it once', async () => {
    const { clock, queue, events, consumer } = setup();
    queue.send('m1', { orderId: 'o-1' });
    const work = deferred();
    const handled: string[] = [];
    const slow = consumer(async () => {
      handled.push('slow');
      await work.promise;
    });
    const other = consumer(async () => {
      handled.push('other');
    });

    await slow.pollOnce();
    for (let t = 0; t < 95_000; t += 5_000) {
      await clock.advance(5_000);
      expect(await other.pollOnce()).toBe(0);
    }
    work.resolve();
    await slow.drain();

    expect(handled).toEqual(['slow']);
    expect(queue.calls.filter(c => c.startsWith('extend r1'))).toHaveLength(9);
    expect(queue.messages).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({
      type: 'acked',
      messageId: 'm1',
      deliveryCount: 1,
      durationMs: 95_000,
    });
  });

  it('redelivers a message to another consumer after a crash mid-processing', async () => {
    const { clock, queue, events, consumer } = setup();
    queue.send('m1', { orderId: 'o-1' });
    const effects: string[] = [];
    const crashed = clock.view();
    const a = consumer(async () => {
      effects.push('A started');
      await new Promise(() => {}); // the process dies before it finishes
    }, crashed);
    const b = consumer(async (_body: unknown, { delivery }: any) => {
      effects.push(`B finished delivery ${delivery.deliveryCount}`);
    });

    await a.pollOnce();
    await clock.advance(5_000);
    crashed.kill(); // no more heartbeats: the lease runs out
    expect(await b.pollOnce()).toBe(0);

    await clock.advance(30_000);
    expect(await b.pollOnce()).toBe(1);
    await b.drain();

    expect(effects).toEqual(['A started', 'B finished delivery 2']);
    expect(queue.messages).toHaveLength(0);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'acked',
        messageId: 'm1',
        deliveryCount: 2,
      }),
    );
  });

  it('aborts the handler and settles nothing when the lease is lost', async () => {
    const { clock, queue, events, consumer } = setup();
    queue.send('m1', { orderId: 'o-1' });
    let reason: unknown;
    const c = consumer(
      (_body: unknown, { signal }: any) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            reject(signal.reason);
          });
        }),
    );

    await c.pollOnce();
    queue.steal('m1');
    await clock.advance(10_000);
    await c.drain();

    expect(reason).toBeInstanceOf(LeaseLostError);
    expect(events).toEqual([{ type: 'lease-lost', messageId: 'm1' }]);
    expect(queue.calls.some(call => /^(ack|release)/.test(call))).toBe(false);
    expect(queue.messages).toHaveLength(1);
  });

  it('aborts a handler that runs past maxProcessingMs and retries its message', async () => {
    const { clock, queue, events, consumer } = setup({
      maxProcessingMs: 45_000,
    });
    queue.send('m1', { orderId: 'o-1' });
    let aborted = false;
    const c = consumer(
      (_body: unknown, { signal }: any) =>
        new Promise<void>(() => {
          signal.addEventListener('abort', () => {
            aborted = true;
          }); // a handler that ignores the signal is abandoned all the same
        }),
    );

    await c.pollOnce();
    await clock.advance(45_000);
    await c.drain();

    expect(aborted).toBe(true);
    const retry = events.find(e => e.type === 'retry-scheduled');
    expect(retry.error).toBeInstanceOf(ProcessingTimeoutError);
    expect(queue.calls).toContain('release r1 1000');
    // The message is settled, but the handler that ignored the abort still runs and still holds its slot.
    expect(c.busy).toBe(1);
    expect(c.abandoned).toBe(1);
  });

  it('keeps the slot of an abandoned handler until it returns, so concurrency stays bounded', async () => {
    const { clock, queue, consumer } = setup({
      concurrency: 1,
      maxProcessingMs: 45_000,
    });
    queue.send('m1', { orderId: 'o-1' });
    queue.send('m2', { orderId: 'o-2' });
    let running = 0;
    let peak = 0;
    const finish = new Map<string, () => void>();
    const c = consumer(async (body: any) => {
      running++;
      peak = Math.max(peak, running);
      // ignores its abort signal, as a handler stuck in a call without a timeout would
      await new Promise<void>(resolve => finish.set(body.orderId, resolve));
      running--;
    });

    expect(await c.pollOnce()).toBe(1);
    await clock.advance(45_000); // m1 is abandoned and released for a retry
    expect(await c.pollOnce()).toBe(0); // its handler still runs: no free slot
    expect(running).toBe(1);

    finish.get('o-1')!();
    await flush();
    expect(c.busy).toBe(0);
    expect(await c.pollOnce()).toBe(1);
    expect(peak).toBe(1);
  });

  it('aborts the handler when the lease runs out because extensions keep failing', async () => {
    const { clock, queue, events, consumer } = setup();
    queue.send('m1', { orderId: 'o-1' });
    let reason: unknown;
    const effects: string[] = [];
    const a = consumer(
      (_body: unknown, { signal }: any) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            reject(signal.reason);
          });
        }),
    );
    const b = consumer(async (_body: unknown, { delivery }: any) => {
      effects.push(`B handles delivery ${delivery.deliveryCount}`);
    });

    await a.pollOnce();
    queue.failExtends = true; // every ChangeMessageVisibility call fails from now on
    await clock.advance(30_000); // the lease taken on receive ends here

    // A must have stopped before B can receive the message: two consumers must not work on it at once.
    expect(reason).toBeInstanceOf(LeaseLostError);
    expect(events).toContainEqual({ type: 'lease-lost', messageId: 'm1' });
    expect(await b.pollOnce()).toBe(1);
    await b.drain();
    await a.drain();
    expect(effects).toEqual(['B handles delivery 2']);
    expect(queue.calls.some(call => /^release/.test(call))).toBe(false);
    expect(queue.messages).toHaveLength(0);
  });

  it('never receives more than its free slots when pollOnce calls overlap', async () => {
    const { queue, consumer } = setup({ concurrency: 3 });
    for (let i = 0; i < 10; i++) queue.send(`m${i}`, { orderId: `o-${i}` });
    const c = consumer(() => new Promise<void>(() => {}));

    const counts = await Promise.all([c.pollOnce(), c.pollOnce()]);

    expect(counts[0] + counts[1]).toBe(3);
    expect(c.busy).toBe(3);
    expect(queue.messages.filter(m => m.receiveCount > 0)).toHaveLength(3);
  });

  it('never runs more handlers than its concurrency', async () => {
    const { queue, consumer } = setup({ concurrency: 3 });
    for (let i = 0; i < 10; i++) queue.send(`m${i}`, { orderId: `o-${i}` });
    const gates = new Map<string, () => void>();
    let running = 0;
    let peak = 0;
    const c = consumer(async (body: any) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>(resolve => gates.set(body.orderId, resolve));
      running--;
    });

    expect(await c.pollOnce()).toBe(3);
    expect(await c.pollOnce()).toBe(0);
    gates.get('o-0')!();
    await flush();
    expect(c.busy).toBe(2);
    expect(await c.pollOnce()).toBe(1);
    expect(peak).toBe(3);
    expect(queue.messages).toHaveLength(9); // m0 acked
    expect(queue.messages.filter(m => m.receiveCount > 0)).toHaveLength(3);
  });

  it('stops receiving on abort and finishes the messages it holds', async () => {
    const { clock, queue, consumer } = setup({ concurrency: 2, idleMs: 1_000 });
    for (let i = 0; i < 3; i++) queue.send(`m${i}`, { orderId: `o-${i}` });
    const gates: Array<() => void> = [];
    const done: string[] = [];
    const c = consumer(async (body: any) => {
      await new Promise<void>(resolve => gates.push(resolve));
      done.push(body.orderId);
    });
    const stop = new AbortController();

    const running = c.run(stop.signal);
    await clock.advance(0);
    expect(c.busy).toBe(2);
    stop.abort();
    gates.forEach(open => open());
    await running;

    expect(done.sort()).toEqual(['o-0', 'o-1']);
    expect(queue.messages.map(m => m.messageId)).toEqual(['m2']);
    expect(queue.messages[0].receiveCount).toBe(0);
  });

  it('keeps the message when the DLQ write fails, so the broker redelivers it', async () => {
    const { clock, queue, dlq, events, consumer } = setup();
    queue.send('m1', { orderId: '' });
    dlq.failNext = true;
    const c = consumer(async () => {
      throw new PermanentError('orderId missing');
    });

    await c.pollOnce();
    await c.drain();
    expect(events.map(e => e.type)).toEqual(['dead-letter-failed']);
    expect(queue.messages).toHaveLength(1);

    await clock.advance(30_000);
    await c.pollOnce();
    await c.drain();
    expect(dlq.letters).toHaveLength(1);
    expect(dlq.letters[0].deliveryCount).toBe(2);
    expect(queue.messages).toHaveLength(0);
  });

  it('leaves a crash loop to the broker, whose redrive limit moves the message', async () => {
    const { clock, queue, dlq, consumer } = setup({}, 3);
    queue.send('m1', { orderId: 'o-1' });
    for (let i = 0; i < 4; i++) {
      const process = clock.view();
      const c = consumer(() => new Promise<void>(() => {}), process);
      await c.pollOnce();
      process.kill(); // the message kills every process that takes it
      await clock.advance(30_000);
    }

    expect(dlq.letters).toHaveLength(0); // no consumer lived to dead-letter it
    expect(queue.brokerDeadLetters.map(m => m.messageId)).toEqual(['m1']);
  });

  it('uses capped exponential backoff with full jitter by default', () => {
    expect(defaultRetryDelay(1, () => 1)).toBe(1_000);
    expect(defaultRetryDelay(4, () => 1)).toBe(8_000);
    expect(defaultRetryDelay(20, () => 1)).toBe(60_000);
    expect(defaultRetryDelay(3, () => 0.5)).toBe(2_000);
    expect(defaultRetryDelay(3, () => 0)).toBe(0);
  });

  it('wires the invoice consumer with a business idempotency key', async () => {
    const clock = new FakeClock();
    const queue = new FakeQueue(clock);
    const dlq = new FakeDlq();
    queue.send('m1', { orderId: 'o-7' });
    queue.send('m2', { orderId: 'o-7' }); // the producer sent the same job twice
    queue.send('m3', {});
    const keys: string[] = [];
    const consumer = createInvoiceConsumer(
      queue,
      dlq,
      async (_orderId: string, key: string) => {
        keys.push(key);
      },
      () => {},
    );

    await consumer.pollOnce();
    await consumer.drain();

    expect(keys).toEqual(['invoice:o-7', 'invoice:o-7']);
    expect(dlq.letters.map((l: any) => l.messageId)).toEqual(['m3']);
  });
});
