import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import {
  PatternAnnotationProcessor,
  PatternAnnotationProcessorOptions,
} from '../PatternAnnotationProcessor';

export const location: LocationSpec = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

export function componentWith(
  annotations?: Record<string, string>,
  name = 'checkout',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(annotations && { annotations }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

export function withPatterns(value: string, name?: string): Entity {
  return componentWith({ [PATTERNS_ANNOTATION]: value }, name);
}

/** Runs the processor on one entity and collects what it produced. */
export async function processEntity(
  processor: PatternAnnotationProcessor,
  entity: Entity,
) {
  const emitted: CatalogProcessorResult[] = [];
  const result: AlphaEntity = await processor.postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  const relations = emitted.flatMap(r =>
    r.type === 'relation' ? [r.relation] : [],
  );
  return {
    entity: result,
    emitted,
    relations,
    targets: relations.map(r => stringifyEntityRef(r.target)),
    messages: (result.status?.items ?? []).map(item => item.message),
  };
}

export function createProcessor(
  loadIndex: PatternAnnotationProcessorOptions['loadIndex'],
) {
  const logger = mockServices.logger.mock();
  return {
    logger,
    processor: new PatternAnnotationProcessor({ loadIndex, logger }),
  };
}
