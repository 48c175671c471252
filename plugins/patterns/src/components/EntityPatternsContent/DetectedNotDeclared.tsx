import { ANNOTATION_EDIT_URL, Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { isSafeHref } from '@system-design/backstage-plugin-patterns-common';
import { EntityPatternUse } from '../../hooks/useEntityPatterns';
import { listOf } from '../DecisionWizard/decisionLabels';
import { CodeBlock } from '../CodeBlock';

const useStyles = makeStyles({
  // A flex child: without this, a long line widens the page instead of wrapping.
  message: { minWidth: 0, flex: 1 },
});

/**
 * The patterns the entity's files or catalog fields show but its annotation
 * does not declare, and the paste-ready annotation line that adds them
 * (keeping what is declared), with the link to edit its catalog-info.yaml.
 */
export function DetectedNotDeclared(props: {
  entity: Entity;
  /** Whether the entity has the annotation at all. */
  annotated: boolean;
  detectedOnly: EntityPatternUse[];
  line: string;
}) {
  const { entity, annotated, detectedOnly, line } = props;
  const editUrl = entity.metadata.annotations?.[ANNOTATION_EDIT_URL];
  const name = entity.metadata.title ?? entity.metadata.name;
  const titles = listOf(detectedOnly.map(u => u.pattern.title));
  const several = detectedOnly.length > 1;
  const classes = useStyles();
  return (
    <Alert
      severity="info"
      role="region"
      aria-label="Detected, not declared"
      classes={{ message: classes.message }}
    >
      <AlertTitle>
        {annotated
          ? `Detected, not declared: ${titles}`
          : `No patterns declared, but evidence of ${titles} was found`}
      </AlertTitle>
      <Typography variant="body2" gutterBottom>
        The files or catalog fields of <strong>{name}</strong> show{' '}
        {several ? 'these patterns' : 'this pattern'} (the evidence is listed
        below), but its <code>system-design/patterns</code> annotation does not
        declare {several ? 'them' : 'it'}. If it does use{' '}
        {several ? 'them' : 'it'}, put this line under{' '}
        <code>metadata.annotations</code> in its catalog-info.yaml
        {annotated ? ' (it keeps the patterns already declared)' : ''}:
      </Typography>
      <Box role="figure" aria-label="Annotation line for detected patterns">
        <CodeBlock
          text={line}
          language="yaml"
          showCopyCodeButton
          wrapLongLines
        />
      </Box>
      {editUrl && isSafeHref(editUrl) && (
        <Box mt={1}>
          <Link to={editUrl}>Edit catalog-info.yaml</Link>
        </Box>
      )}
    </Alert>
  );
}
