/*
 * Generated entities for the benchmark, loaded into a real catalog.
 */
import { BackendFeature } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import {
  DatabaseConfig,
  startRealCatalog,
} from '../src/__testUtils__/startRealCatalog';

export interface FixtureOptions {
  /** Components and APIs to load (groups come on top). */
  entities: number;
  /** Fraction of them that carry the patterns annotation. */
  annotated: number;
  teams: number;
  /** Pattern ids, most popular first. */
  patternIds: string[];
  /** `backend.database` config; undefined for in-memory SQLite. */
  database?: DatabaseConfig;
  /** Extra backend features: the plugins under test. */
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  stitchTimeoutSeconds: number;
  log: (line: string) => void;
}

/** Small deterministic PRNG (mulberry32), so every run loads the same catalog. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEntities(options: FixtureOptions) {
  const { patternIds, teams } = options;
  const rand = random(42);
  // Some patterns are far more popular than others, as in a real catalog.
  const weights = patternIds.map((_, i) => 1 / (i + 1) ** 0.8);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickPattern = () => {
    let r = rand() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r <= 0) return patternIds[i];
    }
    return patternIds[patternIds.length - 1];
  };
  const entities: Entity[] = [];
  for (let t = 0; t < teams; t++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}` },
      spec: { type: 'team', children: [] },
    });
  }
  let annotated = 0;
  for (let i = 0; i < options.entities; i++) {
    const annotations: Record<string, string> = {};
    if (rand() < options.annotated) {
      const ids = new Set(
        Array.from({ length: 1 + Math.floor(rand() * 4) }, pickPattern),
      );
      annotations[PATTERNS_ANNOTATION] = [...ids].join(', ');
      annotated++;
    }
    const isApi = i % 10 === 9;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: isApi ? 'API' : 'Component',
      metadata: {
        name: `${isApi ? 'api' : 'service'}-${i}`,
        title: `${isApi ? 'API' : 'Service'} ${i}`,
        annotations,
      },
      spec: {
        type: isApi ? 'openapi' : 'service',
        lifecycle: 'production',
        owner: `team-${Math.floor(rand() * teams)}`,
        ...(isApi ? { definition: 'openapi: 3.0.0' } : {}),
      },
    });
  }
  return { entities, annotated };
}

/**
 * Starts the real catalog with the generated entities and the given features,
 * and resolves once every entity is processed and stitched.
 */
export async function startBenchCatalog(options: FixtureOptions) {
  const { entities, annotated } = generateEntities(options);
  const catalog = await startRealCatalog({
    entities,
    expectedUsers: annotated,
    features: options.features,
    database: options.database,
    stitchTimeoutSeconds: options.stitchTimeoutSeconds,
    onProgress: options.log,
  });
  return { ...catalog, annotated };
}
