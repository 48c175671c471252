import { loadExample } from './__testUtils__/loadExample';

const {
  InMemoryEventStore,
  InMemorySnapshotStore,
  AccountRepository,
  ConcurrencyError,
  DomainError,
  rehydrate,
  decide,
  initialAccount,
} = loadExample('event-sourcing');

describe('event-sourcing example', () => {
  it('rebuilds state by folding events in order', () => {
    const state = rehydrate([
      { type: 'AccountOpened', owner: 'ada' },
      { type: 'MoneyDeposited', amountCents: 100 },
      { type: 'MoneyWithdrawn', amountCents: 30 },
      { type: 'MoneyDeposited', amountCents: 5 },
    ]);
    expect(state).toEqual({ status: 'open', owner: 'ada', balanceCents: 75 });
    expect(rehydrate([])).toEqual(initialAccount);
  });

  it('appends only at the expected version and reports the actual one on conflict', async () => {
    const store = new InMemoryEventStore(() => 1);
    expect(
      await store.append('acc-1', 0, [{ type: 'AccountOpened', owner: 'ada' }]),
    ).toBe(1);
    expect(
      await store.append('acc-1', 1, [
        { type: 'MoneyDeposited', amountCents: 10 },
        { type: 'MoneyDeposited', amountCents: 20 },
      ]),
    ).toBe(3);

    // A writer that loaded version 1 is now stale.
    const stale = store.append('acc-1', 1, [
      { type: 'MoneyWithdrawn', amountCents: 5 },
    ]);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({ expected: 1, actual: 3 });

    const events = await store.read('acc-1');
    expect(events.map((e: any) => e.version)).toEqual([1, 2, 3]);
    expect((await store.read('acc-1', 2)).map((e: any) => e.version)).toEqual([
      3,
    ]);
  });

  it('lets exactly one of two concurrent writers at the same version win', async () => {
    const store = new InMemoryEventStore(() => 1);
    await store.append('acc-1', 0, [{ type: 'AccountOpened', owner: 'ada' }]);
    const results = await Promise.allSettled([
      store.append('acc-1', 1, [{ type: 'MoneyDeposited', amountCents: 1 }]),
      store.append('acc-1', 1, [{ type: 'MoneyDeposited', amountCents: 2 }]),
    ]);
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter(r => r.status === 'rejected')).toHaveLength(1);
    expect(await store.read('acc-1')).toHaveLength(2);
  });

  it('enforces business rules in decide', () => {
    const open = { status: 'open', owner: 'ada', balanceCents: 50 };
    expect(decide(open, { type: 'Withdraw', amountCents: 20 })).toEqual([
      { type: 'MoneyWithdrawn', amountCents: 20 },
    ]);
    expect(() => decide(open, { type: 'Withdraw', amountCents: 80 })).toThrow(
      DomainError,
    );
    expect(() =>
      decide(initialAccount, { type: 'Deposit', amountCents: 1 }),
    ).toThrow(/new/);
  });

  it('handles commands through the repository and retries once on a conflict', async () => {
    const store = new InMemoryEventStore(() => 1);
    const repo = new AccountRepository(store, new InMemorySnapshotStore());
    await repo.handle('acc-1', { type: 'Open', owner: 'ada' });
    await repo.handle('acc-1', { type: 'Deposit', amountCents: 100 });

    // Another writer sneaks in between this handler's load and append.
    const realAppend = store.append.bind(store);
    let interfered = false;
    store.append = async (id: string, expected: number, events: unknown[]) => {
      if (!interfered) {
        interfered = true;
        await realAppend(id, expected, [
          { type: 'MoneyDeposited', amountCents: 1 },
        ]);
      }
      return realAppend(id, expected, events);
    };
    expect(
      await repo.handle('acc-1', { type: 'Withdraw', amountCents: 40 }),
    ).toBe(4);
    expect((await repo.load('acc-1')).state.balanceCents).toBe(61);
  });

  it('uses snapshots so loading reads only the events after the snapshot', async () => {
    const store = new InMemoryEventStore(() => 1);
    const snapshots = new InMemorySnapshotStore();
    const repo = new AccountRepository(store, snapshots, { snapshotEvery: 5 });
    await repo.handle('acc-1', { type: 'Open', owner: 'ada' });
    for (let i = 0; i < 6; i++)
      await repo.handle('acc-1', { type: 'Deposit', amountCents: 10 });

    const snap = await snapshots.load('acc-1');
    expect(snap).toEqual({
      streamId: 'acc-1',
      version: 5,
      schemaVersion: 1,
      state: { status: 'open', owner: 'ada', balanceCents: 40 },
    });

    store.readsServed = 0;
    const loaded = await repo.load('acc-1');
    expect(loaded).toEqual({
      state: { status: 'open', owner: 'ada', balanceCents: 60 },
      version: 7,
    });
    expect(store.readsServed).toBe(2); // versions 6 and 7 only

    // The snapshot is only a cache: the full replay gives the same state.
    const all = await store.read('acc-1');
    expect(rehydrate(all.map((e: any) => e.event))).toEqual(loaded.state);
  });

  it('rejects negative, zero, fractional and unsafe amounts', () => {
    const open = { status: 'open', owner: 'ada', balanceCents: 50 };
    for (const amountCents of [-100, 0, 0.5, Number.MAX_SAFE_INTEGER + 2]) {
      expect(() => decide(open, { type: 'Withdraw', amountCents })).toThrow(
        DomainError,
      );
      expect(() => decide(open, { type: 'Deposit', amountCents })).toThrow(
        DomainError,
      );
    }
  });

  it('never lets a caller rewrite stored history through an object it holds', async () => {
    const store = new InMemoryEventStore(() => 1);
    const deposit = { type: 'MoneyDeposited', amountCents: 10 };
    await store.append('acc-1', 0, [{ type: 'AccountOpened', owner: 'ada' }]);
    await store.append('acc-1', 1, [deposit]);
    deposit.amountCents = 1_000_000; // the caller's object, mutated after the append

    const [read] = await store.read('acc-1', 1);
    expect(read.event).toEqual({ type: 'MoneyDeposited', amountCents: 10 });
    expect(() => {
      read.event.amountCents = 5; // an object read back is frozen too
    }).toThrow(TypeError);
    expect((await store.read('acc-1', 1))[0].event.amountCents).toBe(10);
  });

  it('ignores a snapshot written by an older version of the fold logic', async () => {
    const store = new InMemoryEventStore(() => 1);
    const snapshots = new InMemorySnapshotStore();
    await store.append('acc-1', 0, [
      { type: 'AccountOpened', owner: 'ada' },
      { type: 'MoneyDeposited', amountCents: 100 },
      { type: 'MoneyDeposited', amountCents: 20 },
    ]);
    // Written by a build whose evolve() had a bug: the balance is wrong.
    await snapshots.save({
      streamId: 'acc-1',
      version: 3,
      schemaVersion: 0,
      state: { status: 'open', owner: 'ada', balanceCents: 999 },
    });
    const repo = new AccountRepository(store, snapshots, {
      snapshotSchemaVersion: 1,
    });
    expect(await repo.load('acc-1')).toEqual({
      state: { status: 'open', owner: 'ada', balanceCents: 120 },
      version: 3,
    });
  });

  it('does not fail (or repeat) a committed command when the snapshot store fails', async () => {
    const store = new InMemoryEventStore(() => 1);
    const errors: unknown[] = [];
    const broken = {
      load: async () => {
        throw new Error('snapshot store down');
      },
      save: async () => {
        throw new Error('snapshot store down');
      },
    };
    const repo = new AccountRepository(store, broken, {
      snapshotEvery: 1,
      onSnapshotError: (e: unknown) => errors.push(e),
    });
    await expect(
      repo.handle('acc-1', { type: 'Open', owner: 'ada' }),
    ).resolves.toBe(1);
    await expect(
      repo.handle('acc-1', { type: 'Deposit', amountCents: 25 }),
    ).resolves.toBe(2);
    expect(await store.read('acc-1')).toHaveLength(2); // appended exactly once each
    expect((await repo.load('acc-1')).state.balanceCents).toBe(25);
    expect(errors.length).toBeGreaterThan(0);
  });
});
