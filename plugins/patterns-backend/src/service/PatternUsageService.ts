import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  RELATION_HAS_PATTERN_EVIDENCE,
  RELATION_HAS_PATTERN_EVIDENCE_FILTER_KEY,
  RELATION_USES_PATTERN,
  RELATION_USES_PATTERN_FILTER_KEY,
  patternEntityRef,
  patternIdFromRef,
  PatternAdoption,
  PatternAdoptionCount,
  PatternUsage,
  PatternUsageEntity,
  PatternUseSource,
  UNOWNED_OWNER as UNOWNED,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternContentReader } from './PatternContentReader';
import { readCatalogPages } from './readCatalogPages';
import { DEFAULT_CATALOG_TIMEOUT_MS } from './catalogTimeout';

/** The only entity fields the usage route needs. */
const USAGE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'relations',
];

/** Entities per catalog page. */
const PAGE_SIZE = 1000;

export interface PatternUsageServiceOptions {
  /**
   * The most one answer waits for the catalog, all pages together
   * (`patterns.catalog.timeout`, 10 s by default).
   */
  catalogTimeoutMs?: number;
}

/** The two relation kinds an entity uses a pattern by: declared and detected. */
const SOURCES = [
  { relation: RELATION_USES_PATTERN, key: RELATION_USES_PATTERN_FILTER_KEY },
  {
    relation: RELATION_HAS_PATTERN_EVIDENCE,
    key: RELATION_HAS_PATTERN_EVIDENCE_FILTER_KEY,
  },
] as const;

/**
 * Who uses which pattern, read from the catalog's `usesPattern` (declared
 * in the annotation) and `hasPatternEvidence` (detected by the catalog
 * module) relations; every answer says which of the two, or both.
 *
 * Every catalog call carries the caller's credentials, so the catalog's
 * permission policy decides what each caller sees; this service never reads
 * with its own identity. Every call is an indexed query on the
 * `relations.usespattern` and `relations.haspatternevidence` search keys;
 * nothing lists the whole catalog.
 * `bench/usage.ts` measures both routes against a naive implementation.
 *
 * Every read is paged and bounded: one deadline covers all the pages of an
 * answer, and a catalog that is too slow, unreachable or failing (5xx)
 * makes the answer a 503 `ServiceUnavailableError` (see `readCatalogPages`).
 */
export class PatternUsageService {
  private readonly catalogTimeoutMs: number;

  constructor(
    private readonly catalog: CatalogService,
    private readonly patterns: PatternContentReader,
    options: PatternUsageServiceOptions = {},
  ) {
    this.catalogTimeoutMs =
      options.catalogTimeoutMs ?? DEFAULT_CATALOG_TIMEOUT_MS;
  }

  /**
   * The entities that use one pattern, grouped by owner, projected to the few
   * fields shown, each with its source (declared, detected or both). The
   * owner is the target of the entity's `ownedBy` relation, which is a full
   * ref (`spec.owner` may be a short one).
   *
   * Measured at 10,000 entities on SQLite, the indexed walk (see
   * `streamUsers`) answers in about 5 ms where a plain
   * `filter=relations.usespattern=<ref>` takes 45 ms. There is one walk per
   * relation kind, run side by side, merged by entity ref.
   */
  async getUsage(
    patternId: string,
    credentials: BackstageCredentials,
  ): Promise<PatternUsage> {
    const { id } = await this.patterns.getPattern(patternId); // 404s
    const ref = patternEntityRef(id);

    const walks = await Promise.all(
      SOURCES.map(({ key }) => this.streamUsers(key, ref, credentials)),
    );
    const users = new Map<
      string,
      { entity: Entity; source: PatternUseSource }
    >();
    for (const walk of walks) {
      for (const [key, entity] of walk) {
        if (users.has(key)) continue;
        const source = sourceOf(entity, id);
        if (source) users.set(key, { entity, source });
      }
    }

    const byOwner = new Map<string, PatternUsageEntity[]>();
    for (const { entity, source } of users.values()) {
      const summary = toUsageEntity(entity, source);
      for (const owner of ownersOf(entity)) {
        const list = byOwner.get(owner) ?? [];
        list.push(summary);
        byOwner.set(owner, list);
      }
    }

    return {
      patternId: id,
      total: users.size,
      owners: sortOwners([...byOwner.keys()]).map(owner => ({
        owner,
        entities: byOwner.get(owner)!.sort(compareEntities),
      })),
    };
  }

  /**
   * Counts per pattern × owner, each split by source, from one paged catalog
   * query: the entities that have any `usesPattern` or `hasPatternEvidence`
   * relation, projected to their relations and counted page by page.
   *
   * The catalog's facets count values in SQL, but only one key at a time:
   * there is no pattern × owner facet, and the cross product through facets
   * takes one `relations.ownedBy` facet query per pattern, each of which
   * visits every entity on SQLite. `bench/usage.ts` measures this query.
   */
  async getAdoption(
    credentials: BackstageCredentials,
  ): Promise<PatternAdoption> {
    const ids = (await this.patterns.listPatterns()).map(p => p.id);
    const known = new Set(ids);

    const totals: Record<string, number> = Object.fromEntries(
      ids.map(id => [id, 0]),
    );
    const cells = new Map<
      string,
      Map<string, Record<PatternUseSource, number>>
    >();
    const pages = this.catalog.streamEntities(
      {
        // Either relation: an array of filters is their union.
        filter: SOURCES.map(({ key }) => ({ [key]: CATALOG_FILTER_EXISTS })),
        fields: ['relations'],
        totalItems: 'exclude',
        pageSize: PAGE_SIZE,
      },
      { credentials },
    );
    for await (const page of readCatalogPages(pages, this.catalogTimeoutMs)) {
      for (const entity of page) {
        const owners = ownersOf(entity);
        for (const [id, source] of sourcesOf(entity)) {
          if (!known.has(id)) continue;
          totals[id]++;
          const row =
            cells.get(id) ??
            new Map<string, Record<PatternUseSource, number>>();
          for (const owner of owners) {
            const cell = row.get(owner) ?? {
              both: 0,
              declared: 0,
              detected: 0,
            };
            cell[source]++;
            row.set(owner, cell);
          }
          cells.set(id, row);
        }
      }
    }

    // Pattern by pattern in catalog order, owners sorted within each.
    const counts: PatternAdoptionCount[] = ids.flatMap(id =>
      sortOwners([...(cells.get(id)?.keys() ?? [])]).map(owner => {
        const bySource = cells.get(id)!.get(owner)!;
        return {
          patternId: id,
          owner,
          count: bySource.both + bySource.declared + bySource.detected,
          bySource,
        };
      }),
    );
    return {
      patterns: ids,
      owners: sortOwners([...new Set(counts.map(c => c.owner))]),
      counts,
      totals,
    };
  }

  /**
   * The entities with a value of the relation key (`relations.usespattern`
   * or `relations.haspatternevidence`) containing the pattern's ref,
   * projected to the usage fields and keyed by ref. The catalog answers
   * "order by <key>, text filter on <key>" by walking only that key's rows
   * of its search index, whereas a plain filter is an EXISTS test per
   * catalog entity, which SQLite evaluates for every entity in the catalog
   * (PostgreSQL does not). The text match is a substring match and an
   * entity may come back once per matching row, so the caller narrows the
   * answer to the exact relation.
   */
  private async streamUsers(
    key: string,
    patternRef: string,
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const users = new Map<string, Entity>();
    const pages = this.catalog.streamEntities(
      {
        orderFields: { field: key, order: 'asc' },
        fullTextFilter: { term: patternRef, fields: [key] },
        fields: USAGE_FIELDS,
        totalItems: 'exclude',
        pageSize: PAGE_SIZE,
      },
      { credentials },
    );
    for await (const page of readCatalogPages(pages, this.catalogTimeoutMs)) {
      for (const entity of page) users.set(refOf(entity), entity);
    }
    return users;
  }
}

/** Relation types are matched case-insensitively, as the catalog's filters do. */
function isRelation(type: string, wanted: string): boolean {
  return type.toLocaleLowerCase('en-US') === wanted.toLocaleLowerCase('en-US');
}

function refOf(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
}

/** Each pattern id the entity declares or has evidence of, with which of the two (or both). */
function sourcesOf(entity: Entity): Map<string, PatternUseSource> {
  const declared = new Set<string>();
  const detected = new Set<string>();
  for (const relation of entity.relations ?? []) {
    const id = patternIdFromRef(relation.targetRef);
    if (!id) continue;
    if (isRelation(relation.type, RELATION_USES_PATTERN)) declared.add(id);
    else if (isRelation(relation.type, RELATION_HAS_PATTERN_EVIDENCE))
      detected.add(id);
  }
  const sources = new Map<string, PatternUseSource>();
  for (const id of declared)
    sources.set(id, detected.has(id) ? 'both' : 'declared');
  for (const id of detected) if (!declared.has(id)) sources.set(id, 'detected');
  return sources;
}

/** How the entity uses the one pattern, or undefined when it does not. */
function sourceOf(
  entity: Entity,
  patternId: string,
): PatternUseSource | undefined {
  return sourcesOf(entity).get(patternId);
}

function toUsageEntity(
  entity: Entity,
  source: PatternUseSource,
): PatternUsageEntity {
  const result: PatternUsageEntity = {
    ref: refOf(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    source,
  };
  if (typeof entity.metadata.title === 'string') {
    result.title = entity.metadata.title;
  }
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string') result.type = type;
  return result;
}

function ownersOf(entity: Entity): string[] {
  const owners = new Set(
    (entity.relations ?? [])
      .filter(r => isRelation(r.type, RELATION_OWNED_BY))
      .map(r => r.targetRef),
  );
  return owners.size > 0 ? [...owners] : [UNOWNED];
}

/** Owner refs alphabetically, `unowned` last. */
function compareOwners(a: string, b: string): number {
  if (a === UNOWNED) return b === UNOWNED ? 0 : 1;
  if (b === UNOWNED) return -1;
  return a.localeCompare(b, 'en-US');
}

function sortOwners(owners: string[]): string[] {
  return owners.sort(compareOwners);
}

function compareEntities(a: PatternUsageEntity, b: PatternUsageEntity): number {
  return (
    (a.title ?? a.name).localeCompare(b.title ?? b.name, 'en-US', {
      sensitivity: 'base',
    }) || a.ref.localeCompare(b.ref, 'en-US')
  );
}
