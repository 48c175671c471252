import { loadExample } from './__testUtils__/loadExample';

const { switchWithSmokeTest, otherColor } = loadExample(
  'blue-green-deployment',
);

type Color = 'blue' | 'green';

/** A live Service whose selector can also be changed behind the script's back. */
function fakeSelector(initial: Color) {
  const state = { active: initial, switches: [] as Color[] };
  return {
    state,
    client: {
      getActiveColor: async () => state.active,
      setActiveColor: async (
        _service: string,
        color: Color,
        expected?: Color,
      ) => {
        if (expected !== undefined && state.active !== expected) {
          throw new Error(`selector is ${state.active}, expected ${expected}`);
        }
        state.active = color;
        state.switches.push(color);
      },
    },
  };
}

function replicas(status: Record<string, { ready: number; desired: number }>) {
  return { replicaStatus: async (deployment: string) => status[deployment] };
}

const healthyReplicas = replicas({
  'checkout-blue': { ready: 4, desired: 4 },
  'checkout-green': { ready: 4, desired: 4 },
});

function options(overrides: Record<string, unknown> = {}) {
  return {
    service: 'checkout',
    deploymentFor: (c: Color) => `checkout-${c}`,
    previewUrlFor: (c: Color) => `http://checkout-${c}-preview`,
    smokeChecks: [{ name: 'checkout-flow', run: async () => true }],
    smokeTimeoutMs: 5_000,
    maxErrorRate: 0.01,
    bakeChecks: 3,
    bakeIntervalMs: 60_000,
    // bake intervals pass at once; the smoke-check timeout never fires unless a test says so
    sleep: (ms: number) =>
      ms === 60_000 ? Promise.resolve() : new Promise<void>(() => {}),
    now: () => 0,
    ...overrides,
  };
}

const probe = (rates: Array<number | Error>) => {
  let i = 0;
  return {
    errorRate: async () => {
      const next = rates[Math.min(i++, rates.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    },
  };
};

describe('blue-green deployment example', () => {
  it('switches to the idle colour when it is ready, passes smoke checks and bakes cleanly', async () => {
    const { client, state } = fakeSelector('blue');
    const outcome = await switchWithSmokeTest(
      client,
      healthyReplicas,
      probe([0, 0.001, 0]),
      options(),
    );
    expect(outcome).toMatchObject({
      status: 'switched',
      from: 'blue',
      to: 'green',
    });
    expect(state.active).toBe('green');
    expect(otherColor('green')).toBe('blue');
  });

  it('refuses to switch to an idle colour with less capacity than the live one', async () => {
    const { client, state } = fakeSelector('blue');
    const undersized = replicas({
      'checkout-blue': { ready: 4, desired: 4 },
      'checkout-green': { ready: 1, desired: 1 },
    });
    const outcome = await switchWithSmokeTest(
      client,
      undersized,
      probe([0]),
      options(),
    );
    expect(outcome.status).toBe('aborted');
    expect(state.switches).toEqual([]);
  });

  it('fails a smoke check that never answers instead of hanging the pipeline', async () => {
    const { client, state } = fakeSelector('blue');
    let signal: AbortSignal | undefined;
    const hung = {
      name: 'hangs',
      run: (_url: string, s: AbortSignal) => {
        signal = s;
        return new Promise<boolean>(() => {});
      },
    };
    // here every sleep resolves at once, so the smoke timeout fires immediately
    const result = switchWithSmokeTest(
      client,
      healthyReplicas,
      probe([0]),
      options({ smokeChecks: [hung], sleep: async () => {} }),
    );
    const settled = await Promise.race([
      result,
      new Promise(resolve => setTimeout(() => resolve('still running'), 200)),
    ]);
    expect(settled).toMatchObject({
      status: 'aborted',
      reason: 'smoke check hangs failed',
    });
    expect(signal?.aborted).toBe(true);
    expect(state.switches).toEqual([]);
  });

  it('switches back when the error-rate probe returns NaN (no traffic, 0/0) during the bake', async () => {
    const { client, state } = fakeSelector('blue');
    const outcome = await switchWithSmokeTest(
      client,
      healthyReplicas,
      probe([0, Number.NaN]),
      options(),
    );
    expect(outcome).toMatchObject({ status: 'rolled-back', live: 'blue' });
    expect(state.active).toBe('blue');
  });

  it('switches back when the probe itself fails during the bake', async () => {
    const { client, state } = fakeSelector('blue');
    const outcome = await switchWithSmokeTest(
      client,
      healthyReplicas,
      probe([new Error('prometheus down')]),
      options(),
    );
    expect(outcome.status).toBe('rolled-back');
    expect(state.active).toBe('blue');
  });

  it('switches back when the error rate exceeds the threshold', async () => {
    const { client, state } = fakeSelector('blue');
    const outcome = await switchWithSmokeTest(
      client,
      healthyReplicas,
      probe([0.2]),
      options(),
    );
    expect(outcome.status).toBe('rolled-back');
    expect(state.switches).toEqual(['green', 'blue']);
  });

  it('does not overwrite a switch made concurrently by another pipeline', async () => {
    const { client, state } = fakeSelector('blue');
    const racing = {
      ...client,
      // another pipeline flips the Service while our smoke checks run
      getActiveColor: client.getActiveColor,
    };
    const smokeChecks = [
      {
        name: 'slow',
        run: async () => {
          state.active = 'green';
          return true;
        },
      },
    ];
    const outcome = await switchWithSmokeTest(
      racing,
      healthyReplicas,
      probe([0]),
      options({ smokeChecks }),
    );
    expect(outcome.status).toBe('aborted');
    expect(state.switches).toEqual([]);
  });
});
