import { Entity } from '@backstage/catalog-model';
import { EmptyState, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import { rootRouteRef } from '../../routes';
import { CodeBlock } from '../CodeBlock';
import {
  annotationSnippet,
  annotationSnippetHighlight,
  EXAMPLE_PATTERN_IDS,
} from './annotationSnippet';

/**
 * Shown instead of the Patterns tab when the entity has no
 * `system-design/patterns` annotation and no evidence of any pattern: what
 * the annotation is for and the exact YAML to add, like the catalog's
 * MissingAnnotationEmptyState but with our snippet.
 */
export function PatternsAnnotationEmptyState(props: { entity: Entity }) {
  const { entity } = props;
  const catalogLink = useRouteRef(rootRouteRef)();
  const snippet = annotationSnippet(entity, EXAMPLE_PATTERN_IDS);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    <EmptyState
      missing="field"
      title="No architecture patterns declared"
      description={
        <>
          Declare the patterns this {kind} uses with the{' '}
          <code>{PATTERNS_ANNOTATION}</code> annotation in its{' '}
          <code>catalog-info.yaml</code>: pattern ids separated by commas. No
          evidence of a known pattern was found in its files or catalog fields
          either, so there is nothing to suggest from them. Once declared, the
          catalog links it to those patterns, and this tab shows the evidence
          for each, what usually goes with them and any risky gaps.
        </>
      }
      action={
        <Box maxWidth={640}>
          <Typography variant="body1" gutterBottom>
            Add the annotation to <code>metadata.annotations</code>, with the
            ids of the patterns it uses:
          </Typography>
          <div aria-label="Annotation to add" role="figure">
            <CodeBlock
              text={snippet}
              language="yaml"
              highlightedNumbers={annotationSnippetHighlight(snippet)}
              showCopyCodeButton
            />
          </div>
          <Box mt={2}>
            <LinkButton to={catalogLink} variant="contained" color="primary">
              Browse patterns
            </LinkButton>
          </Box>
        </Box>
      }
    />
  );
}
