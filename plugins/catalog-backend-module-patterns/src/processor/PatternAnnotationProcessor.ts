import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  annotationProblemStatusItem,
  PATTERN_ENTITY_KIND,
  PATTERN_ENTITY_NAMESPACE,
  PATTERNS_ANNOTATION,
  PatternIdIndex,
  RELATION_USES_PATTERN,
  resolvePatternAnnotation,
} from '@system-design/backstage-plugin-patterns-common';

export interface PatternAnnotationProcessorOptions {
  /** The ids (and aliases) the annotation may name; called once and cached. */
  loadIndex: () => Promise<PatternIdIndex>;
  logger: LoggerService;
}

/**
 * Reads the `system-design/patterns` annotation on entities of any kind and
 * emits one `usesPattern` relation to `pattern:default/<id>` per known id.
 *
 * Problems with the value (unknown ids, junk, over-long values) are not
 * emitted as processing errors: the catalog drops the whole processing result
 * of an entity with errors, so a typo would keep a new entity out of the
 * catalog. They are added to the entity's status instead, in the same shape
 * the catalog uses for processing errors, so the entity page shows them while
 * the entity is ingested with the relations of its valid ids.
 */
export class PatternAnnotationProcessor implements CatalogProcessor {
  private index?: Promise<PatternIdIndex>;

  constructor(private readonly options: PatternAnnotationProcessorOptions) {}

  getProcessorName(): string {
    return 'PatternAnnotationProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const value = entity.metadata.annotations?.[PATTERNS_ANNOTATION];
    if (value === undefined) {
      return entity;
    }

    const { ids, problems } = resolvePatternAnnotation(
      value,
      await this.loadIndex(),
    );

    const source = getCompoundEntityRef(entity);
    for (const id of ids) {
      emit(
        processingResult.relation({
          source,
          type: RELATION_USES_PATTERN,
          target: {
            kind: PATTERN_ENTITY_KIND,
            namespace: PATTERN_ENTITY_NAMESPACE,
            name: id,
          },
        }),
      );
    }

    if (problems.length === 0) {
      return entity;
    }
    this.options.logger.debug(
      `Pattern annotation problems on ${stringifyEntityRef(entity)}: ${problems
        .map(p => p.message)
        .join(' ')}`,
    );
    return withStatusItems(entity, problems.map(annotationProblemStatusItem));
  }

  private loadIndex(): Promise<PatternIdIndex> {
    if (!this.index) {
      const loading = this.options.loadIndex();
      this.index = loading;
      // A failed load is retried on the next entity rather than cached.
      loading.catch(() => {
        if (this.index === loading) this.index = undefined;
      });
    }
    return this.index;
  }
}

/** The entity with the items appended to its status, without duplicates. */
function withStatusItems(
  entity: AlphaEntity,
  items: EntityStatusItem[],
): AlphaEntity {
  const existing = entity.status?.items ?? [];
  const known = new Set(existing.map(item => `${item.type}\n${item.message}`));
  const added = items.filter(
    item => !known.has(`${item.type}\n${item.message}`),
  );
  return {
    ...entity,
    status: { ...entity.status, items: [...existing, ...added] },
  };
}
