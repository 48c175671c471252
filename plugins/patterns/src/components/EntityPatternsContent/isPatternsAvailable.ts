import { Entity } from '@backstage/catalog-model';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';

/**
 * Whether the entity declares the patterns it uses: true when it has the
 * `system-design/patterns` annotation, even an empty or mistyped one (the
 * Patterns tab explains what is wrong with it).
 */
export function isPatternsAvailable(entity: Entity): boolean {
  return entity.metadata.annotations?.[PATTERNS_ANNOTATION] !== undefined;
}
