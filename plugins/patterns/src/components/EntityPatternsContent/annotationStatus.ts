import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';

/** The status item type the catalog uses for processing errors. */
const CATALOG_PROCESSING = 'backstage.io/catalog-processing';
const MARKER = `Annotation ${PATTERNS_ANNOTATION}: `;

/**
 * The problems the catalog recorded for the patterns annotation, from the
 * entity's `status.items` (`InputError: Annotation system-design/patterns:
 * …`), without the prefix and without duplicates.
 */
export function catalogAnnotationProblems(entity: Entity): string[] {
  const items = (entity as AlphaEntity).status?.items ?? [];
  const messages = items
    .filter(item => item.type === CATALOG_PROCESSING && item.level === 'error')
    .map(item => item.message ?? '')
    .filter(message => message.includes(MARKER))
    .map(message => message.slice(message.indexOf(MARKER) + MARKER.length).trim());
  return [...new Set(messages)];
}
