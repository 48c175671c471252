import { Entity } from '@backstage/catalog-model';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';

/** The ids shown in the example when an entity has no annotation yet. */
export const EXAMPLE_PATTERN_IDS = 'circuit-breaker, retry-with-backoff';

/**
 * The entity's catalog-info.yaml head with the patterns annotation set to
 * `value`: what to paste, with the entity's own kind and name.
 */
export function annotationSnippet(entity: Entity, value: string): string {
  const namespace = entity.metadata.namespace;
  return [
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    'metadata:',
    `  name: ${entity.metadata.name}`,
    ...(namespace && namespace !== 'default'
      ? [`  namespace: ${namespace}`]
      : []),
    '  annotations:',
    `    ${PATTERNS_ANNOTATION}: ${value}`,
  ].join('\n');
}

/** The line numbers (1-based) of the annotation in `annotationSnippet`. */
export function annotationSnippetHighlight(snippet: string): number[] {
  const lines = snippet.split('\n');
  return [lines.length - 1, lines.length];
}
