import { Link } from '@backstage/core-components';
import { ANNOTATION_EDIT_URL, Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  isSafeHref,
  mergePatternAnnotation,
  PATTERNS_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { EntityPatterns } from '../../hooks/useEntityPatterns';
import { listOf } from '../DecisionWizard/decisionLabels';
import { CodeBlock } from '../CodeBlock';

/**
 * Whether the entity already declares the result's patterns, and the line to
 * paste: the current value with the new ids appended, an alias never twice.
 */
export function AnnotationSuggestion(props: {
  entity: Entity;
  entityPatterns: EntityPatterns;
  patternIds: string[];
}) {
  const { entity, entityPatterns, patternIds } = props;
  const { ids: used, annotation, declared, patterns, index } = entityPatterns;
  const missing = patternIds.filter(id => !used.includes(id));
  const titleOf = (id: string) => patterns.get(id)?.title ?? id;
  const editUrl = entity.metadata.annotations?.[ANNOTATION_EDIT_URL];
  const name = entity.metadata.title ?? entity.metadata.name;

  if (missing.length === 0) {
    return (
      <Box mt={2} role="status">
        <Typography variant="body1">
          <strong>{name}</strong> already uses {listOf(patternIds.map(titleOf))}
          .
        </Typography>
      </Box>
    );
  }
  const line = `${PATTERNS_ANNOTATION}: ${mergePatternAnnotation(
    declared ? annotation : undefined,
    missing,
    index,
  )}`;
  return (
    <Box mt={2} role="status" aria-label="Annotation to add">
      <Typography variant="body1" gutterBottom>
        <strong>{name}</strong> does not declare {listOf(missing.map(titleOf))}{' '}
        yet. If it uses {missing.length > 1 ? 'them' : 'it'}, put this line
        under <code>metadata.annotations</code> in its catalog-info.yaml
        {used.length > 0 ? ' (it keeps the patterns already declared)' : ''}:
      </Typography>
      <CodeBlock text={line} language="yaml" showCopyCodeButton />
      {editUrl && isSafeHref(editUrl) && (
        <Box mt={1}>
          <Link to={editUrl}>Edit catalog-info.yaml</Link>
        </Box>
      )}
    </Box>
  );
}
