import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  buildEntityPatternReport,
  DetectedPattern,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternContentService } from '@system-design/backstage-plugin-patterns-node';
import {
  PATTERNS_FACT_RETRIEVER_ID,
  patternFactSchema,
  patternFactsOf,
} from './patternFacts';

/** The kinds that have a Patterns tab: the facts are about them. */
export const PATTERN_FACT_ENTITY_FILTER = [
  { kind: ['component', 'api', 'system'] },
];

/** The entity fields the report reads: the annotations and the problems the catalog module recorded in the status. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'status',
];

/** Entities per catalog page. */
const PAGE_SIZE = 500;

export interface PatternsFactRetrieverOptions {
  /** The catalog, read with the retriever's own service credentials. */
  catalog: CatalogService;
  auth: AuthService;
  /** The pattern content (documents, scenarios, gap rules), as the patterns backend serves it. */
  content: PatternContentService;
  /** The detected patterns of an entity; none unless given (no detector records them yet). */
  detectedPatternsOf?: (entity: Entity) => DetectedPattern[];
}

/**
 * A Tech Insights fact retriever with each entity's pattern facts: declared
 * and detected ids, annotation problems and gaps, computed by the same
 * `buildEntityPatternReport` as the entity page and the REST API. It reads
 * the catalog in pages with its own service credentials (every entity of the
 * filter, as fact retrievers do; projected to the fields the report needs).
 */
export function createPatternsFactRetriever(
  options: PatternsFactRetrieverOptions,
): FactRetriever {
  const { catalog, auth, content, detectedPatternsOf } = options;
  return {
    id: PATTERNS_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Architecture patterns',
    description:
      'The architecture patterns an entity declares in its system-design/patterns annotation, the ones detected, annotation problems and risky gaps',
    entityFilter: PATTERN_FACT_ENTITY_FILTER,
    schema: patternFactSchema,
    async handler(ctx: FactRetrieverContext): Promise<TechInsightFact[]> {
      const { patterns, scenarios, gaps } = await content.getContent();
      const credentials = await auth.getOwnServiceCredentials();
      const facts: TechInsightFact[] = [];
      const pages = catalog.streamEntities(
        {
          filter: ctx.entityFilter ?? PATTERN_FACT_ENTITY_FILTER,
          fields: FIELDS,
          pageSize: PAGE_SIZE,
        },
        { credentials },
      );
      for await (const page of pages) {
        for (const entity of page) {
          const report = buildEntityPatternReport({
            entity,
            patterns,
            scenarios,
            gaps,
            detected: detectedPatternsOf?.(entity) ?? [],
          });
          facts.push({
            entity: {
              kind: entity.kind,
              namespace: entity.metadata.namespace ?? 'default',
              name: entity.metadata.name,
            },
            facts: patternFactsOf(report),
          });
        }
      }
      ctx.logger.info(`Computed pattern facts for ${facts.length} entities`);
      return facts;
    },
  };
}
