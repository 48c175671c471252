import { loadExample } from './__testUtils__/loadExample';

const {
  TwoPhaseCoordinator,
  CoordinatorCrash,
  InMemoryParticipant,
  InMemoryDecisionLog,
  LockedError,
} = loadExample('two-phase-commit');

const noSleep = () => Promise.resolve();
/** Lets pending promise callbacks run. */
const flush = () => new Promise<void>(resolve => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(res => {
    resolve = res;
  });
  return { promise, resolve };
}
/** A prepare timer that never fires: votes always arrive in time. */
const neverTimesOut = () => new Promise<void>(() => {});

function setup(
  validators: Record<string, (writes: Map<string, number>) => boolean> = {},
) {
  const accounts = new InMemoryParticipant('accounts', validators.accounts);
  const ledger = new InMemoryParticipant('ledger', validators.ledger);
  const log = new InMemoryDecisionLog();
  return { accounts, ledger, log };
}

function stageTransfer(p: { accounts: any; ledger: any }, txId: string) {
  p.accounts.write(txId, 'alice', 70);
  p.accounts.write(txId, 'bob', 130);
  p.ledger.write(txId, 'entry-1', 30);
}

describe('two-phase-commit example', () => {
  it('commits on every participant when all vote yes', async () => {
    const p = setup();
    stageTransfer(p, 'tx1');
    const coordinator = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });

    const result = await coordinator.execute('tx1');

    expect(result).toEqual({
      decision: 'commit',
      votes: { accounts: 'yes', ledger: 'yes' },
      pending: [],
    });
    expect(await p.log.read('tx1')).toBe('commit');
    expect(p.accounts.stateOf('tx1')).toBe('committed');
    expect(p.ledger.stateOf('tx1')).toBe('committed');
    expect(Object.fromEntries(p.accounts.data)).toEqual({
      alice: 70,
      bob: 130,
    });
    expect(Object.fromEntries(p.ledger.data)).toEqual({ 'entry-1': 30 });
    expect(p.accounts.isLocked('alice')).toBe(false);
  });

  it('aborts on every participant when one votes no', async () => {
    const p = setup({ ledger: () => false });
    stageTransfer(p, 'tx2');
    const coordinator = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });

    const result = await coordinator.execute('tx2');

    expect(result.decision).toBe('abort');
    expect(result.votes).toEqual({ accounts: 'yes', ledger: 'no' });
    expect(p.accounts.stateOf('tx2')).toBe('aborted'); // voted yes, but followed the decision
    expect(p.ledger.stateOf('tx2')).toBe('aborted');
    expect(p.accounts.data.size).toBe(0);
    expect(p.ledger.data.size).toBe(0);
    expect(p.accounts.isLocked('alice')).toBe(false);
  });

  it('treats a participant that does not vote in time as a no', async () => {
    const p = setup();
    stageTransfer(p, 'tx3');
    const silent = {
      name: 'silent',
      prepare: () => new Promise(() => {}),
      commit: jest.fn(async () => {}),
      abort: jest.fn(async () => {}),
    };
    // One controllable timer per participant, created in participant order.
    const timers: Array<() => void> = [];
    const timer = () =>
      new Promise<void>(resolve => {
        timers.push(resolve);
      });
    const coordinator = new TwoPhaseCoordinator([p.accounts, silent], p.log, {
      sleep: noSleep,
      prepareTimer: timer,
    });

    const running = coordinator.execute('tx3');
    expect(timers).toHaveLength(2);
    timers[1](); // only the silent participant's vote becomes overdue
    const result = await running;

    expect(result.votes.silent).toBe('timeout');
    expect(result.decision).toBe('abort');
    expect(silent.abort).toHaveBeenCalledWith('tx3');
    expect(silent.commit).not.toHaveBeenCalled();
    expect(p.accounts.stateOf('tx3')).toBe('aborted');
  });

  it('leaves yes voters in doubt, holding their locks, when the coordinator dies after the votes', async () => {
    const p = setup();
    stageTransfer(p, 'tx4');
    const coordinator = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
      afterVotes: () => {
        throw new CoordinatorCrash('power loss');
      },
    });

    await expect(coordinator.execute('tx4')).rejects.toBeInstanceOf(
      CoordinatorCrash,
    );

    expect(await p.log.read('tx4')).toBeUndefined();
    for (const participant of [p.accounts, p.ledger]) {
      expect(participant.stateOf('tx4')).toBe('prepared');
      expect(participant.isInDoubt('tx4')).toBe(true);
      // A prepared participant may not decide alone: it stays blocked.
      expect(participant.onCoordinatorSilent('tx4')).toBe('still-in-doubt');
      expect(participant.isInDoubt('tx4')).toBe(true);
    }
    expect(p.accounts.isLocked('alice')).toBe(true);
    expect(p.ledger.isLocked('entry-1')).toBe(true);
    // Other transactions touching the same rows are blocked.
    expect(() => p.accounts.write('tx5', 'alice', 0)).toThrow(LockedError);
    expect(p.accounts.data.size).toBe(0);
  });

  it('a participant that has not voted yet may abort on its own', async () => {
    const p = setup();
    p.accounts.write('tx6', 'alice', 1);
    expect(p.accounts.onCoordinatorSilent('tx6')).toBe('aborted');
    expect(p.accounts.isLocked('alice')).toBe(false);
  });

  it('recovery presumes abort when no decision was logged, releasing the locks', async () => {
    const p = setup();
    stageTransfer(p, 'tx7');
    const crashing = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
      afterVotes: () => {
        throw new CoordinatorCrash('crash');
      },
    });
    await expect(crashing.execute('tx7')).rejects.toThrow('crash');

    const restarted = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });
    expect(await restarted.recover('tx7')).toEqual({
      decision: 'abort',
      pending: [],
    });
    expect(p.accounts.isInDoubt('tx7')).toBe(false);
    expect(p.accounts.stateOf('tx7')).toBe('aborted');
    expect(p.accounts.isLocked('alice')).toBe(false);
    expect(p.accounts.data.size).toBe(0);
  });

  it('recovery finishes a logged commit that the participants never heard about', async () => {
    const p = setup();
    stageTransfer(p, 'tx8');
    // Simulate a crash after the decision was logged but before phase two reached anyone.
    await p.accounts.prepare('tx8');
    await p.ledger.prepare('tx8');
    await p.log.decide('tx8', 'commit');
    expect(p.accounts.isInDoubt('tx8')).toBe(true);

    const restarted = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });
    expect(await restarted.recover('tx8')).toEqual({
      decision: 'commit',
      pending: [],
    });
    expect(p.accounts.stateOf('tx8')).toBe('committed');
    expect(p.ledger.stateOf('tx8')).toBe('committed');
    expect(p.accounts.data.get('alice')).toBe(70);
  });

  it('retries phase two until the participant acknowledges, and reports it pending if it never does', async () => {
    const p = setup();
    stageTransfer(p, 'tx9');
    let failures = 2;
    const flaky = {
      name: 'flaky',
      prepare: async () => 'yes',
      commit: jest.fn(async () => {
        if (failures-- > 0) throw new Error('network');
      }),
      abort: async () => {},
    };
    const sleeps: number[] = [];
    const coordinator = new TwoPhaseCoordinator([p.accounts, flaky], p.log, {
      sleep: async (ms: number) => void sleeps.push(ms),
      prepareTimer: neverTimesOut,
      retryDelayMs: 10,
    });
    const result = await coordinator.execute('tx9');
    expect(result).toMatchObject({ decision: 'commit', pending: [] });
    expect(flaky.commit).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([10, 20]);

    const down = {
      name: 'down',
      prepare: async () => 'yes',
      commit: async () => Promise.reject(new Error('gone')),
      abort: async () => {},
    };
    const stuck = new TwoPhaseCoordinator([down], new InMemoryDecisionLog(), {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
      maxDeliveryAttempts: 3,
    });
    expect(await stuck.execute('tx10')).toMatchObject({
      decision: 'commit',
      pending: ['down'],
    });
  });

  it('answers a prepare that arrives after the abort with no, instead of leaving an orphan in doubt', async () => {
    const p = setup();
    stageTransfer(p, 'tx11');
    const prepareArrives = deferred();
    // The ledger's prepare is delayed on the network; the abort overtakes it.
    const slowLedger = {
      name: 'ledger',
      prepare: async (txId: string) => {
        await prepareArrives.promise;
        return p.ledger.prepare(txId);
      },
      commit: (txId: string) => p.ledger.commit(txId),
      abort: (txId: string) => p.ledger.abort(txId),
      inDoubt: () => p.ledger.inDoubt(),
    };
    const timers: Array<() => void> = [];
    const coordinator = new TwoPhaseCoordinator([p.accounts, slowLedger], p.log, {
      sleep: noSleep,
      prepareTimer: () =>
        new Promise<void>(resolve => {
          timers.push(resolve);
        }),
    });

    const running = coordinator.execute('tx11');
    timers[1](); // the ledger's vote is overdue
    const result = await running;
    expect(result.decision).toBe('abort');
    expect(p.ledger.stateOf('tx11')).toBe('aborted');

    prepareArrives.resolve();
    await flush();
    expect(await p.ledger.prepare('tx11')).toBe('no');
    expect(p.ledger.stateOf('tx11')).toBe('aborted');
    expect(p.ledger.isInDoubt('tx11')).toBe(false);
  });

  it('never lets a slow coordinator and a recovery process record different decisions', async () => {
    const p = setup();
    stageTransfer(p, 'tx12');
    const resume = deferred();
    // The original coordinator stalls (a long GC pause) after collecting yes votes...
    const slow = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
      afterVotes: () => resume.promise,
    });
    const original = slow.execute('tx12');
    await flush();
    expect(p.accounts.isInDoubt('tx12')).toBe(true);

    // ...so a recovery process presumes abort and finishes the transaction.
    const recovery = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });
    expect((await recovery.recover('tx12')).decision).toBe('abort');

    // The original wakes up with a commit decision in mind; it must adopt the logged abort.
    resume.resolve();
    const result = await original;
    expect(await p.log.read('tx12')).toBe('abort');
    expect(result.decision).toBe('abort');
    expect(p.accounts.stateOf('tx12')).toBe('aborted');
    expect(p.ledger.stateOf('tx12')).toBe('aborted');
    expect(p.accounts.data.size).toBe(0);
  });

  it('recovers without knowing transaction ids by asking the participants what they hold prepared', async () => {
    const p = setup();
    stageTransfer(p, 'tx13');
    p.accounts.write('tx14', 'carol', 5);
    p.ledger.write('tx14', 'entry-2', 5);
    const crashing = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
      afterVotes: () => {
        throw new CoordinatorCrash('crash');
      },
    });
    await expect(crashing.execute('tx13')).rejects.toThrow('crash');
    // tx14 got as far as a logged commit before the crash.
    await p.accounts.prepare('tx14');
    await p.ledger.prepare('tx14');
    await p.log.decide('tx14', 'commit');

    const restarted = new TwoPhaseCoordinator([p.accounts, p.ledger], p.log, {
      sleep: noSleep,
      prepareTimer: neverTimesOut,
    });
    const resolved = await restarted.recoverAll();
    expect(Object.fromEntries(resolved)).toEqual({
      tx13: { decision: 'abort', pending: [] },
      tx14: { decision: 'commit', pending: [] },
    });
    expect(await p.accounts.inDoubt()).toEqual([]);
    expect(await p.ledger.inDoubt()).toEqual([]);
    expect(p.accounts.isLocked('alice')).toBe(false);
    expect(p.accounts.data.get('carol')).toBe(5);
    expect(p.accounts.data.has('alice')).toBe(false);
  });

  it('delivers the decision to healthy participants without waiting for a dead one', async () => {
    const timeline: string[] = [];
    const participant = (name: string, healthy: boolean) => ({
      name,
      prepare: async () => 'yes',
      commit: async () => {
        timeline.push(name);
        if (!healthy) throw new Error('unreachable');
      },
      abort: async () => {},
      inDoubt: async () => [],
    });
    const coordinator = new TwoPhaseCoordinator(
      [participant('dead', false), participant('healthy', true)],
      new InMemoryDecisionLog(),
      { sleep: noSleep, prepareTimer: neverTimesOut, maxDeliveryAttempts: 4 },
    );
    const result = await coordinator.execute('tx15');
    expect(result).toMatchObject({ decision: 'commit', pending: ['dead'] });
    expect(timeline.filter(n => n === 'dead')).toHaveLength(4);
    // The healthy participant got its commit before the dead one's retries were over.
    expect(timeline.indexOf('healthy')).toBeLessThan(timeline.lastIndexOf('dead'));
  });
});
