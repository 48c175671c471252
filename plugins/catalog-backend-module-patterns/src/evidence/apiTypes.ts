import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ApiFact } from './compileRules';

/** Where the types of an entity's APIs come from. */
export interface ApiTypeSource {
  /** The `spec.type` of each ref the catalog has (refs it lacks are absent). */
  typesOf(refs: readonly string[]): Promise<Map<string, string>>;
}

/** The most APIs looked up for one entity. */
export const MAX_APIS_PER_ENTITY = 100;

/** The APIs an entity names in `spec.providesApis` and `spec.consumesApis`, as full refs. */
export function apiRefsOf(
  entity: Entity,
): Array<{ ref: string; relation: ApiFact['relation'] }> {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? 'default';
  const refs: Array<{ ref: string; relation: ApiFact['relation'] }> = [];
  for (const [field, relation] of [
    ['providesApis', 'provides'],
    ['consumesApis', 'consumes'],
  ] as const) {
    const list = spec[field];
    for (const value of Array.isArray(list) ? list : []) {
      if (typeof value !== 'string' || refs.length >= MAX_APIS_PER_ENTITY)
        continue;
      try {
        const ref = stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: 'api',
            defaultNamespace: namespace,
          }),
        ).toLocaleLowerCase('en-US');
        refs.push({ ref, relation });
      } catch {
        // Not an entity ref: the catalog reports that itself.
      }
    }
  }
  return refs;
}

interface CachedType {
  type?: string;
  expiresAt: number;
}

/**
 * Reads API types from the catalog with the module's own service
 * credentials, one request per entity for the refs not cached. Types are
 * cached for `ttlMs` (an API that does not exist yet for less), bounded in
 * size, so a catalog of many components asks for each API rarely.
 */
export class CatalogApiTypeSource implements ApiTypeSource {
  private readonly cache = new Map<string, CachedType>();
  private readonly ttlMs: number;
  private readonly missingTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    options: {
      ttlMs?: number;
      missingTtlMs?: number;
      maxEntries?: number;
      now?: () => number;
    } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.missingTtlMs = options.missingTtlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  async typesOf(refs: readonly string[]): Promise<Map<string, string>> {
    const now = this.now();
    const result = new Map<string, string>();
    const missing: string[] = [];
    for (const ref of new Set(refs)) {
      const cached = this.cache.get(ref);
      if (cached && cached.expiresAt > now) {
        if (cached.type) result.set(ref, cached.type);
      } else {
        missing.push(ref);
      }
    }
    if (missing.length === 0) return result;

    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: missing,
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.type'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    missing.forEach((ref, i) => {
      const entity = items[i];
      const type = (entity?.spec as { type?: unknown } | undefined)?.type;
      const known = typeof type === 'string' ? type : undefined;
      if (known) result.set(ref, known);
      this.remember(ref, {
        type: known,
        expiresAt: now + (known ? this.ttlMs : this.missingTtlMs),
      });
    });
    return result;
  }

  private remember(ref: string, value: CachedType) {
    this.cache.delete(ref);
    this.cache.set(ref, value);
    while (this.cache.size > this.maxEntries) {
      this.cache.delete(this.cache.keys().next().value!);
    }
  }
}
