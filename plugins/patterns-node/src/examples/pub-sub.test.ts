import { loadExample } from './__testUtils__/loadExample';

const { InProcessBroker } = loadExample('pub-sub');

/** Lets every already-settled promise callback run. */
async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Resolves with 'hung' if the promise has not settled within a short real time. */
function settlesOrHangs<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([
    promise,
    new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 100)),
  ]);
}

function setup() {
  let time = 0;
  let nextId = 1;
  const broker = new InProcessBroker({
    now: () => time,
    newId: () => `m${nextId++}`,
  });
  return {
    broker,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('pub-sub example', () => {
  it('a hung handler on one subscription does not stop delivery to the others', async () => {
    const { broker } = setup();
    broker.subscribe(
      'orders.placed',
      'stuck',
      () => new Promise<void>(() => {}),
    );
    const received: string[] = [];
    broker.subscribe('orders.placed', 'fast', (r: any) => {
      received.push(r.message.id);
      r.ack();
    });
    broker.publish('orders.placed', { orderId: '42' });

    const outcome = await settlesOrHangs(broker.dispatch());
    await flush();

    expect(outcome).not.toBe('hung');
    expect(received).toEqual(['m1']);
  });

  it('drops copies nobody acknowledged within the retention period instead of delivering them', async () => {
    const { broker, advance } = setup();
    const handler = jest.fn();
    const subscription = broker.subscribe('t', 'late-consumer', handler, {
      retentionMs: 60_000,
    });
    broker.publish('t', { n: 1 });
    advance(60_000);

    await broker.dispatch();
    await flush();

    expect(handler).not.toHaveBeenCalled();
    expect(subscription.backlogSize()).toBe(0);
    expect(subscription.expiredCount()).toBe(1);
  });

  it('redelivers a copy whose ack deadline passed, and ignores the late ack of the old attempt', async () => {
    const { broker, advance } = setup();
    const deliveries: any[] = [];
    const subscription = broker.subscribe(
      't',
      's',
      (r: any) => {
        deliveries.push(r);
      },
      { ackDeadlineMs: 10_000 },
    );
    broker.publish('t', { n: 1 });

    await broker.dispatch();
    await broker.idle();
    expect(await broker.dispatch()).toBe(0); // still leased
    advance(10_000);
    await broker.dispatch();
    await broker.idle();

    expect(deliveries.map(d => d.deliveryAttempt)).toEqual([1, 2]);
    deliveries[0].ack(); // stale: the copy is with attempt 2 now
    expect(subscription.backlogSize()).toBe(1);
    deliveries[1].ack();
    expect(subscription.backlogSize()).toBe(0);
  });

  it('keeps messages of one ordering key in sequence while other keys flow', async () => {
    const { broker } = setup();
    const seen: string[] = [];
    const pending: any[] = [];
    broker.subscribe('t', 's', (r: any) => {
      seen.push(r.message.data.label);
      if (r.message.data.label === 'a1') pending.push(r);
      else r.ack();
    });
    broker.publish('t', { label: 'a1' }, { orderingKey: 'a' });
    broker.publish('t', { label: 'a2' }, { orderingKey: 'a' });
    broker.publish('t', { label: 'b1' }, { orderingKey: 'b' });

    await broker.dispatch();
    await broker.idle();
    expect(seen).toEqual(['a1', 'b1']);

    pending[0].ack();
    await broker.dispatch();
    await broker.idle();
    expect(seen).toEqual(['a1', 'b1', 'a2']);
  });

  it('dead-letters a poison message after the maximum delivery attempts', async () => {
    const { broker } = setup();
    const subscription = broker.subscribe(
      't',
      's',
      () => {
        throw new Error('cannot parse');
      },
      { maxDeliveryAttempts: 3 },
    );
    broker.publish('t', { broken: true });

    for (let i = 0; i < 4; i++) {
      await broker.dispatch();
      await broker.idle();
    }

    expect(subscription.deadLetters().map((m: any) => m.id)).toEqual(['m1']);
    expect(subscription.backlogSize()).toBe(0);
  });

  it('reports the age of the oldest unacknowledged message', async () => {
    const { broker, advance } = setup();
    const subscription = broker.subscribe('t', 's', () => {});
    broker.publish('t', {});
    advance(5_000);
    broker.publish('t', {});
    advance(1_000);

    expect(subscription.oldestUnackedAgeMs()).toBe(6_000);
  });
});
