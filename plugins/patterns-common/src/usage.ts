/*
 * The answers of the usage routes, read from the catalog's usesPattern
 * (declared) and hasPatternEvidence (detected) relations.
 */

/** How an entity uses a pattern: declared in its annotation, detected in its files or catalog fields, or both. */
export type PatternUseSource = 'declared' | 'detected' | 'both';

/** The sources in the order views list and filter them. */
export const PATTERN_USE_SOURCES: readonly PatternUseSource[] = [
  'both',
  'declared',
  'detected',
];

/** One catalog entity that uses a pattern (GET /v1/patterns/:id/usage). */
export interface PatternUsageEntity {
  /** The full entity ref, e.g. `component:default/checkout`. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type`, when the entity has one. */
  type?: string;
  /** Declared, detected or both. */
  source: PatternUseSource;
}

/** The entities of one owner that use a pattern. */
export interface PatternUsageOwner {
  /** The owner's full entity ref, or `unowned`. */
  owner: string;
  entities: PatternUsageEntity[];
}

/** GET /v1/patterns/:id/usage: who uses one pattern, grouped by owner. */
export interface PatternUsage {
  patternId: string;
  /** Distinct entities the caller may read that use the pattern. */
  total: number;
  /** Sorted by owner ref, `unowned` last. */
  owners: PatternUsageOwner[];
}

/** One non-zero cell of the adoption matrix. */
export interface PatternAdoptionCount {
  patternId: string;
  owner: string;
  /** Distinct entities, whatever the source. */
  count: number;
  /** Of those, how many declare it and have evidence, only declare it, only have evidence. */
  bySource: Record<PatternUseSource, number>;
}

/** GET /v1/adoption: counts per pattern × owner. */
export interface PatternAdoption {
  /** Every known pattern id, in catalog order, used or not. */
  patterns: string[];
  /** Every owner with at least one count, sorted, `unowned` last. */
  owners: string[];
  counts: PatternAdoptionCount[];
  /** Distinct entities per pattern id; 0 for patterns nobody uses. */
  totals: Record<string, number>;
}

/** The owner key of entities that have no `ownedBy` relation. */
export const UNOWNED_OWNER = 'unowned';
