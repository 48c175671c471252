/*
 * Benchmark of the usage and adoption routes against a real catalog.
 *
 *   yarn bench:usage [--entities 10000] [--annotated 0.2] [--teams 50]
 *                    [--requests 50] [--warmup 5] [--postgres]
 *
 * Starts a backend (startTestBackend) with the real catalog plugin and the
 * patterns catalog module on the embedded database (in-memory SQLite;
 * PostgreSQL from POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER,
 * POSTGRES_PASSWORD with --postgres), the patterns plugin, and a naive
 * baseline plugin (bench/naive.ts), through src/__testUtils__/startRealCatalog.
 * A test entity provider loads N generated entities, of which a fraction
 * carry the `system-design/patterns` annotation, owned by M teams. Once the
 * catalog has processed and stitched them, it times the routes and the
 * baseline side by side, interleaved, over HTTP with a user token, and
 * prints p50, p95 and the speed-up. It also checks that both
 * implementations give the same answer.
 *
 * The figures are printed, never asserted: they depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  builtInContentDirectory,
  loadPatternContent,
} from '@system-design/backstage-plugin-patterns-node';
import { patternsPlugin } from '../src/plugin';
import { PatternContentReader } from '../src/service/PatternContentReader';
import { startBenchCatalog } from './catalogFixture';
import { naivePatternsPlugin } from './naive';

const { values: args } = parseArgs({
  options: {
    entities: { type: 'string', default: '10000' },
    annotated: { type: 'string', default: '0.2' },
    teams: { type: 'string', default: '50' },
    requests: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    postgres: { type: 'boolean', default: false },
    'stitch-timeout': { type: 'string', default: '900' },
  },
});
const ENTITIES = Number(args.entities);
const ANNOTATED = Number(args.annotated);
const TEAMS = Number(args.teams);
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const STITCH_TIMEOUT_S = Number(args['stitch-timeout']);

const P95_TARGET_MS = 250;
const SPEEDUP_TARGET = 5;

function databaseConfig() {
  if (!args.postgres) return undefined; // in-memory SQLite
  return {
    client: 'pg',
    connection: {
      host: process.env.POSTGRES_HOST ?? 'localhost',
      port: Number(process.env.POSTGRES_PORT ?? 5432),
      user: process.env.POSTGRES_USER ?? 'postgres',
      password: process.env.POSTGRES_PASSWORD ?? '',
    },
    // Own databases (patterns_bench_catalog, ...), never a portal's.
    prefix: 'patterns_bench_',
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(ms: number): string {
  return ms.toFixed(1).padStart(8);
}

/** Sorts lists whose order is an implementation detail, to compare answers. */
function normalize(value: any): any {
  if (value && Array.isArray(value.owners) && 'total' in value) {
    return {
      ...value,
      owners: [...value.owners]
        .map((o: any) => ({
          owner: o.owner,
          entities: [...o.entities].sort((a: any, b: any) =>
            a.ref.localeCompare(b.ref),
          ),
        }))
        .sort((a: any, b: any) => a.owner.localeCompare(b.owner)),
    };
  }
  if (value && Array.isArray(value.counts)) {
    return {
      ...value,
      owners: [...value.owners].sort(),
      counts: [...value.counts]
        .map(
          (c: any) =>
            `${c.patternId} ${c.owner} ${c.count} ${JSON.stringify(
              c.bySource,
            )}`,
        )
        .sort(),
    };
  }
  return value;
}

async function main() {
  const content = await loadPatternContent([builtInContentDirectory()]);
  // Catalog order; the generator makes the first ones the most popular.
  const patternIds = (
    await new PatternContentReader({
      getContent: async () => content,
    }).listPatterns()
  ).map(p => p.id);
  const database = databaseConfig();

  const { backend, get, annotated, loadSeconds } = await startBenchCatalog({
    entities: ENTITIES,
    annotated: ANNOTATED,
    teams: TEAMS,
    patternIds,
    database,
    features: [patternsPlugin, naivePatternsPlugin],
    stitchTimeoutSeconds: STITCH_TIMEOUT_S,
    log: line => console.log(line),
  });
  console.log(
    `Catalog: ${ENTITIES} entities (+${TEAMS} groups), ${annotated} annotated, ` +
      `${patternIds.length} patterns, ${TEAMS} teams; database: ${
        database
          ? `PostgreSQL ${database.connection.host}:${database.connection.port}`
          : 'SQLite in memory'
      }; usesPattern relations from the patterns catalog module`,
  );
  console.log(`Loaded, processed and stitched in ${loadSeconds.toFixed(1)} s`);

  // Same answers from both implementations.
  const popular = patternIds[0];
  const same = {
    usage:
      JSON.stringify(
        normalize(await get(`/api/patterns/v1/patterns/${popular}/usage`)),
      ) ===
      JSON.stringify(
        normalize(await get(`/api/patterns-naive/usage/${popular}`)),
      ),
    adoption:
      JSON.stringify(normalize(await get('/api/patterns/v1/adoption'))) ===
      JSON.stringify(normalize(await get('/api/patterns-naive/adoption'))),
  };

  const routes = [
    {
      name: 'GET /v1/patterns/:id/usage',
      ours: (i: number) =>
        `/api/patterns/v1/patterns/${patternIds[i % patternIds.length]}/usage`,
      naive: (i: number) =>
        `/api/patterns-naive/usage/${patternIds[i % patternIds.length]}`,
    },
    {
      name: 'GET /v1/adoption',
      ours: () => '/api/patterns/v1/adoption',
      naive: () => '/api/patterns-naive/adoption',
    },
  ];
  const timings = routes.map(() => ({
    ours: [] as number[],
    naive: [] as number[],
  }));
  const time = async (path: string) => {
    const t0 = performance.now();
    await get(path);
    return performance.now() - t0;
  };
  // Interleaved, so both see the same machine state; warm-up rounds dropped.
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    for (const [r, route] of routes.entries()) {
      const pair =
        i % 2 === 0
          ? (['ours', 'naive'] as const)
          : (['naive', 'ours'] as const);
      for (const which of pair) {
        const ms = await time(route[which](i));
        if (i >= WARMUP) timings[r][which].push(ms);
      }
    }
  }

  console.log(
    `\n${REQUESTS} sequential requests per route after ${WARMUP} warm-up rounds (ms):\n`,
  );
  console.log(
    `${'route'.padEnd(28)}${'p50'.padStart(8)}${'p95'.padStart(
      8,
    )}  ${'naive p50'.padStart(9)}${'naive p95'.padStart(
      10,
    )}  ${'x p50'.padStart(7)}${'x p95'.padStart(7)}  target`,
  );
  for (const [r, route] of routes.entries()) {
    const ours = [...timings[r].ours].sort((a, b) => a - b);
    const naive = [...timings[r].naive].sort((a, b) => a - b);
    const [p50, p95] = [percentile(ours, 50), percentile(ours, 95)];
    const [n50, n95] = [percentile(naive, 50), percentile(naive, 95)];
    const met = p95 < P95_TARGET_MS && n95 / p95 >= SPEEDUP_TARGET;
    console.log(
      `${route.name.padEnd(28)}${fmt(p50)}${fmt(p95)}  ${fmt(n50)} ${fmt(
        n95,
      )}  ${(n50 / p50).toFixed(1).padStart(6)}x${(n95 / p95)
        .toFixed(1)
        .padStart(6)}x  ${met ? 'met' : 'MISSED'}`,
    );
  }
  console.log(
    `\nTarget: p95 < ${P95_TARGET_MS} ms and >= ${SPEEDUP_TARGET}x the naive p95. ` +
      `Same answers as the baseline: usage ${
        same.usage ? 'yes' : 'NO'
      }, adoption ${same.adoption ? 'yes' : 'NO'}.`,
  );

  await backend.stop();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
