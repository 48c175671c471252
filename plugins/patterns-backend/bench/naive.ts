/*
 * The naive baseline the benchmark compares against: answer usage and adoption
 * by fetching every entity with the patterns annotation or the evidence
 * annotation, whole, and filtering in process (declared ids through the
 * annotation resolver, detected ones from the evidence annotation). It is
 * mounted as its own plugin (`patterns-naive`) so both implementations are
 * timed over the same path: HTTP in, catalog client over HTTP, HTTP out.
 */
import Router from 'express-promise-router';
import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
// Only for the FILTER_EXISTS symbol; a transitive dependency of
// @backstage/plugin-catalog-node, resolvable from the workspace root.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  PATTERN_EVIDENCE_ANNOTATION,
  PATTERNS_ANNOTATION,
  PatternUseSource,
  createPatternIdIndex,
  detectedPatternsFromEntity,
  PatternIdIndex,
  resolveEntityPatterns,
  PatternAdoption,
  PatternUsage,
  PatternUsageEntity,
  UNOWNED_OWNER as UNOWNED,
} from '@system-design/backstage-plugin-patterns-common';
import { patternContentServiceRef } from '@system-design/backstage-plugin-patterns-node';
import { PatternContentReader } from '../src/service/PatternContentReader';

async function fetchAnnotated(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          [`metadata.annotations.${PATTERNS_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${PATTERN_EVIDENCE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
    },
    { credentials },
  );
  return items;
}

/** Every pattern the entity declares or has evidence of, with the source. */
function sourcesOf(
  entity: Entity,
  index: PatternIdIndex,
): Map<string, PatternUseSource> {
  const declared = resolveEntityPatterns(entity, index).ids;
  const detected = detectedPatternsFromEntity(entity)
    .map(d => d.id)
    .filter(id => index.ids.has(id));
  const sources = new Map<string, PatternUseSource>();
  for (const id of declared) {
    sources.set(id, detected.includes(id) ? 'both' : 'declared');
  }
  for (const id of detected) if (!sources.has(id)) sources.set(id, 'detected');
  return sources;
}

function ownersOf(entity: Entity): string[] {
  const owners = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  return owners.length ? [...new Set(owners)] : [UNOWNED];
}

function toUsageEntity(
  entity: Entity,
  source: PatternUseSource,
): PatternUsageEntity {
  const namespace = entity.metadata.namespace ?? 'default';
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    source,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(typeof type === 'string' ? { type } : {}),
  };
}

export async function naiveUsage(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  patternId: string,
  index: PatternIdIndex,
): Promise<PatternUsage> {
  const users = (await fetchAnnotated(catalog, credentials)).flatMap(e => {
    const source = sourcesOf(e, index).get(patternId);
    return source ? [{ entity: e, source }] : [];
  });
  const byOwner = new Map<string, PatternUsageEntity[]>();
  for (const { entity, source } of users) {
    for (const owner of ownersOf(entity)) {
      byOwner.set(owner, [
        ...(byOwner.get(owner) ?? []),
        toUsageEntity(entity, source),
      ]);
    }
  }
  return {
    patternId,
    total: users.length,
    owners: [...byOwner].map(([owner, entities]) => ({ owner, entities })),
  };
}

export async function naiveAdoption(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  index: PatternIdIndex,
): Promise<PatternAdoption> {
  const patternIds = [...index.ids];
  const known = index.ids;
  const cells = new Map<string, Record<PatternUseSource, number>>();
  const totals = Object.fromEntries(patternIds.map(id => [id, 0]));
  for (const entity of await fetchAnnotated(catalog, credentials)) {
    for (const [id, source] of sourcesOf(entity, index)) {
      if (!known.has(id)) continue;
      totals[id]++;
      for (const owner of ownersOf(entity)) {
        const key = `${id}\n${owner}`;
        const cell = cells.get(key) ?? { both: 0, declared: 0, detected: 0 };
        cell[source]++;
        cells.set(key, cell);
      }
    }
  }
  const counts = [...cells].map(([key, bySource]) => {
    const [patternId, owner] = key.split('\n');
    const count = bySource.both + bySource.declared + bySource.detected;
    return { patternId, owner, count, bySource };
  });
  return {
    patterns: patternIds,
    owners: [...new Set(counts.map(c => c.owner))],
    counts,
    totals,
  };
}

/** `/api/patterns-naive/usage/:id` and `/api/patterns-naive/adoption`. */
export const naivePatternsPlugin = createBackendPlugin({
  pluginId: 'patterns-naive',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
        content: patternContentServiceRef,
      },
      async init({ httpRouter, httpAuth, catalog, content }) {
        const patterns = new PatternContentReader(content);
        const patternIndex = async () =>
          createPatternIdIndex(await patterns.listPatterns());
        const router = Router();
        router.get('/usage/:id', async (req, res) => {
          const index = await patternIndex();
          if (!index.ids.has(req.params.id)) {
            throw new NotFoundError(`No pattern with id "${req.params.id}"`);
          }
          res.json(
            await naiveUsage(
              catalog,
              await httpAuth.credentials(req),
              req.params.id,
              index,
            ),
          );
        });
        router.get('/adoption', async (req, res) => {
          res.json(
            await naiveAdoption(
              catalog,
              await httpAuth.credentials(req),
              await patternIndex(),
            ),
          );
        });
        httpRouter.use(router);
      },
    });
  },
});
