import { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import {
  annotationSnippet,
  annotationSnippetHighlight,
} from './annotationSnippet';
import { AnnotationProblemView } from '../../hooks/useEntityPatterns';
import { CodeBlock } from '../CodeBlock';

/** The annotation's processing errors, and the corrected line when there is one. */
export function AnnotationProblems(props: {
  entity: Entity;
  annotation: string;
  problems: AnnotationProblemView[];
  corrected?: string;
}) {
  const { entity, annotation, problems, corrected } = props;
  const count = problems.length;
  return (
    <Alert severity="error" role="region" aria-label="Annotation problems">
      <AlertTitle>
        The {PATTERNS_ANNOTATION} annotation has {count}{' '}
        {count === 1 ? 'problem' : 'problems'}
      </AlertTitle>
      <Typography variant="body2">
        Value: <code>{annotation}</code>
      </Typography>
      <ul>
        {problems.map(problem => (
          <li key={problem.message}>
            <Typography variant="body2" component="span">
              {problem.message}
            </Typography>
            {problem.source === 'current' && (
              <Typography
                variant="caption"
                component="span"
                color="textSecondary"
              >
                {' '}
                (found now; the catalog reports it after it next processes this
                entity)
              </Typography>
            )}
          </li>
        ))}
      </ul>
      {corrected !== undefined && (
        <Box mt={1} aria-label="Corrected annotation" role="figure">
          <Typography variant="body2" gutterBottom>
            Did you mean this?
          </Typography>
          <CodeBlock
            text={annotationSnippet(entity, corrected)}
            language="yaml"
            highlightedNumbers={annotationSnippetHighlight(
              annotationSnippet(entity, corrected),
            )}
            showCopyCodeButton
          />
        </Box>
      )}
    </Alert>
  );
}
