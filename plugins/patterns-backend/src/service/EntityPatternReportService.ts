import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  buildEntityPatternReport,
  DetectedPattern,
  EntityPatternReport,
} from '@system-design/backstage-plugin-patterns-common';
import { Entity } from '@backstage/catalog-model';
import { PatternContentReader } from './PatternContentReader';
import { readCatalogOnce } from './readCatalogPages';

/** How an entity's detected patterns are read; none until a detector records them. */
export type DetectedPatternsOf = (entity: Entity) => DetectedPattern[];

/**
 * One entity's pattern report, read from the catalog with the caller's
 * credentials (an entity the caller may not read is a 404, as in the
 * catalog), computed by the shared `buildEntityPatternReport`. The REST
 * route, the actions and the scorecard facts all answer from here.
 */
export class EntityPatternReportService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly patterns: PatternContentReader,
    private readonly options: {
      catalogTimeoutMs: number;
      detectedPatternsOf?: DetectedPatternsOf;
    },
  ) {}

  async getReport(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityPatternReport> {
    const entity = await readCatalogOnce(
      () => this.catalog.getEntityByRef(ref, { credentials }),
      this.options.catalogTimeoutMs,
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)} in the catalog`);
    }
    return this.reportOf(entity);
  }

  /** The report of an entity already read (e.g. by a fact retriever that reads many). */
  async reportOf(entity: Entity): Promise<EntityPatternReport> {
    const [patterns, scenarios, gaps] = await Promise.all([
      this.patterns.listPatterns(),
      this.patterns.listScenarios(),
      this.patterns.listGaps(),
    ]);
    return buildEntityPatternReport({
      entity,
      patterns,
      scenarios,
      gaps,
      detected: this.options.detectedPatternsOf?.(entity) ?? [],
    });
  }
}
