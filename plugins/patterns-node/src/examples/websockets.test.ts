import { loadExample } from './__testUtils__/loadExample';

const { acceptUpgrade, ConnectionManager, ReconnectingClient } =
  loadExample('websockets');

/** Timers that fire only when the test advances them. */
function manualTimers() {
  let time = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => time,
    setTimer: (ms: number, fn: () => void) => {
      const id = nextId++;
      pending.set(id, { at: time + ms, fn });
      return () => {
        pending.delete(id);
      };
    },
    advance(ms: number) {
      const until = time + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        time = due[1].at;
        due[1].fn();
      }
      time = until;
    },
  };
}

function fakeServerSocket() {
  return {
    bufferedAmount: 0,
    sent: [] as string[],
    pings: 0,
    closed: undefined as undefined | { code: number; reason: string },
    terminated: false,
    send(data: string) {
      this.sent.push(data);
    },
    ping() {
      this.pings++;
    },
    close(code: number, reason: string) {
      this.closed = { code, reason };
    },
    terminate() {
      this.terminated = true;
    },
  };
}

function manager(overrides: Record<string, unknown> = {}) {
  let tick: () => void = () => {};
  const mgr = new ConnectionManager({
    heartbeatIntervalMs: 30_000,
    highWaterMarkBytes: 1024,
    maxPendingMessages: 3,
    maxTopicsPerConnection: 2,
    canSubscribe: (user: string, topic: string) =>
      topic === 'prices' || topic === `orders:${user}`,
    scheduler: {
      every: (_ms: number, fn: () => void) => {
        tick = fn;
        return () => {};
      },
    },
    ...overrides,
  });
  mgr.start();
  return { mgr, tick: () => tick() };
}

describe('websockets example: handshake', () => {
  const origins = new Set(['https://app.example.com']);
  const request = {
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    origin: 'https://app.example.com',
  };

  it('answers with the RFC 6455 Sec-WebSocket-Accept for the sample key', () => {
    expect(acceptUpgrade(request, origins)).toEqual({
      ok: true,
      headers: {
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
      },
    });
  });

  it('refuses foreign or missing origins (cross-site WebSocket hijacking)', () => {
    expect(
      acceptUpgrade({ ...request, origin: 'https://evil.example' }, origins),
    ).toMatchObject({ ok: false, status: 403 });
    expect(
      acceptUpgrade({ ...request, origin: undefined }, origins),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects other protocol versions with 426 and the supported version, and bad keys with 400', () => {
    expect(
      acceptUpgrade({ ...request, 'sec-websocket-version': '8' }, origins),
    ).toMatchObject({
      ok: false,
      status: 426,
      headers: { 'sec-websocket-version': '13' },
    });
    expect(
      acceptUpgrade({ ...request, 'sec-websocket-key': 'short' }, origins),
    ).toMatchObject({ ok: false, status: 400 });
  });
});

describe('websockets example: ConnectionManager', () => {
  it('delivers a topic only to users allowed to receive it', () => {
    const { mgr } = manager();
    const alice = fakeServerSocket();
    const mallory = fakeServerSocket();
    mgr.add('a', alice, 'alice');
    mgr.add('m', mallory, 'mallory');
    mgr.onMessage(
      'a',
      JSON.stringify({ type: 'subscribe', topic: 'orders:alice' }),
    );
    mgr.onMessage(
      'm',
      JSON.stringify({ type: 'subscribe', topic: 'orders:alice' }),
    );

    mgr.publish('orders:alice', '{"order":42}');
    expect(alice.sent).toContain('{"order":42}');
    expect(mallory.sent).not.toContain('{"order":42}');
    expect(JSON.parse(mallory.sent[0])).toMatchObject({
      type: 'error',
      topic: 'orders:alice',
    });
  });

  it('caps the number of subscriptions per connection', () => {
    const { mgr } = manager({ canSubscribe: () => true });
    const socket = fakeServerSocket();
    mgr.add('c', socket, 'carol');
    for (const topic of ['t1', 't2', 't3']) {
      mgr.onMessage('c', JSON.stringify({ type: 'subscribe', topic }));
    }
    mgr.publish('t3', 'third');
    expect(socket.sent).not.toContain('third');
  });

  it('pings every tick and terminates a peer that missed the previous ping', () => {
    const { mgr, tick } = manager();
    const live = fakeServerSocket();
    const dead = fakeServerSocket();
    mgr.add('live', live, 'alice');
    mgr.add('dead', dead, 'bob');
    tick();
    expect(live.pings).toBe(1);
    mgr.markAlive('live'); // pong arrived
    tick();
    expect(dead.terminated).toBe(true);
    expect(live.terminated).toBe(false);
    expect(mgr.size()).toBe(1);
  });

  it('holds messages while the socket is congested, merges superseded ones, and drops a consumer that stays slow', () => {
    const { mgr } = manager();
    const socket = fakeServerSocket();
    mgr.add('s', socket, 'alice');
    mgr.onMessage('s', JSON.stringify({ type: 'subscribe', topic: 'prices' }));
    socket.bufferedAmount = 4096; // above the high-water mark

    mgr.publish('prices', 'EUR 1.08', 'EUR');
    mgr.publish('prices', 'EUR 1.09', 'EUR');
    expect(mgr.pendingFor('s')).toBe(1);

    socket.bufferedAmount = 0;
    mgr.publish('prices', 'USD 1.00', 'USD');
    expect(socket.sent).toEqual(['EUR 1.09', 'USD 1.00']);

    socket.bufferedAmount = 4096;
    for (let i = 0; i < 4; i++) mgr.publish('prices', `tick ${i}`);
    expect(socket.closed).toEqual({ code: 1008, reason: 'consumer too slow' });
    expect(mgr.size()).toBe(0);
  });
});

describe('websockets example: ReconnectingClient', () => {
  function setup(options: Record<string, unknown> = {}) {
    const timers = manualTimers();
    const sockets: {
      handlers: any;
      closed?: { code?: number; reason?: string };
      sent: string[];
    }[] = [];
    const client = new ReconnectingClient({
      url: 'wss://live.example.com',
      connect: (_url: string, handlers: any) => {
        const socket = {
          handlers,
          sent: [] as string[],
          closed: undefined as undefined | { code?: number; reason?: string },
          send(data: string) {
            this.sent.push(data);
          },
          close(code?: number, reason?: string) {
            this.closed = { code, reason };
          },
        };
        sockets.push(socket);
        return socket;
      },
      onMessage: () => {},
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      connectTimeoutMs: 10_000,
      heartbeatIntervalMs: 15_000,
      heartbeatTimeoutMs: 40_000,
      stableAfterMs: 60_000,
      maxOutbox: 2,
      now: timers.now,
      random: () => 1,
      setTimer: timers.setTimer,
      ...options,
    });
    return { client, timers, sockets };
  }

  it('gives up on a handshake that never completes and reconnects with backoff', () => {
    const { client, timers, sockets } = setup();
    client.start();
    expect(client.currentState).toBe('connecting');
    timers.advance(9_999);
    expect(client.currentState).toBe('connecting');
    timers.advance(1);
    expect(sockets[0].closed).toEqual({
      code: 4001,
      reason: 'connect timeout',
    });
    expect(client.currentState).toBe('waiting');
    timers.advance(1000); // first backoff: random() * base
    expect(sockets).toHaveLength(2);
    expect(client.currentState).toBe('connecting');
  });

  it('does not time out a connection that opened', () => {
    const { client, timers, sockets } = setup();
    client.start();
    sockets[0].handlers.onOpen();
    timers.advance(10_000);
    expect(client.currentState).toBe('open');
    expect(sockets[0].closed).toBeUndefined();
  });

  it('closes a silent connection after the heartbeat timeout and never reconnects after stop()', () => {
    const { client, timers, sockets } = setup();
    client.start();
    sockets[0].handlers.onOpen();
    timers.advance(45_000);
    expect(sockets[0].closed).toEqual({
      code: 4000,
      reason: 'heartbeat timeout',
    });
    expect(client.currentState).toBe('waiting');
    client.stop();
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(client.currentState).toBe('stopped');
  });

  it('queues a bounded outbox while offline and flushes it on open', () => {
    const { client, sockets } = setup();
    client.start();
    expect(client.send('a')).toBe(true);
    expect(client.send('b')).toBe(true);
    expect(client.send('c')).toBe(false);
    sockets[0].handlers.onOpen();
    expect(sockets[0].sent).toEqual(['a', 'b']);
  });

  it('draws full-jitter backoff, capped', () => {
    const { client } = setup({ random: () => 0.5 });
    expect(client.backoffDelay(1)).toBe(500);
    expect(client.backoffDelay(3)).toBe(2000);
    expect(client.backoffDelay(20)).toBe(15_000);
  });
});
