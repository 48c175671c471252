import { Entity } from '@backstage/catalog-model';
import { EntityStatusItem } from '@backstage/catalog-model/alpha';
import { PATTERNS_ANNOTATION } from '../constants';
import {
  AnnotationProblem,
  annotationProblemSchema,
} from './annotationProblem';
import { statusDataOf } from './statusData';

/** The status item type the catalog uses for processing errors; the entity page shows these. */
export const CATALOG_PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

/** The field of a status item's `error` that carries the structured problem. */
const PROBLEM_FIELD = 'patternAnnotationProblem';

/**
 * The status item the catalog module records for one annotation problem:
 * a processing error the entity page shows as text, with the problem itself
 * as data in `error.patternAnnotationProblem`.
 */
export function annotationProblemStatusItem(
  problem: AnnotationProblem,
): EntityStatusItem {
  const message = `Annotation ${PATTERNS_ANNOTATION}: ${problem.message}`;
  return {
    type: CATALOG_PROCESSING_STATUS_TYPE,
    level: 'error',
    message: `InputError: ${message}`,
    error: { name: 'InputError', message, [PROBLEM_FIELD]: { ...problem } },
  };
}

/** The annotation problems the catalog recorded on the entity's status, without duplicates. */
export function annotationProblemsFromStatus(
  entity: Entity,
): AnnotationProblem[] {
  return statusDataOf(
    entity,
    CATALOG_PROCESSING_STATUS_TYPE,
    PROBLEM_FIELD,
    annotationProblemSchema,
  );
}
