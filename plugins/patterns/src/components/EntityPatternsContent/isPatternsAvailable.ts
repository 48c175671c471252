import { Entity } from '@backstage/catalog-model';
import {
  PATTERN_EVIDENCE_ANNOTATION,
  PATTERNS_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';

/**
 * Whether the entity has patterns to show: true when it has the
 * `system-design/patterns` annotation, even an empty or mistyped one (the
 * Patterns tab explains what is wrong with it), or when the catalog
 * recorded evidence of patterns in its files or catalog fields (the tab
 * gives the line to declare them).
 */
export function isPatternsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    annotations[PATTERNS_ANNOTATION] !== undefined ||
    annotations[PATTERN_EVIDENCE_ANNOTATION] !== undefined
  );
}
