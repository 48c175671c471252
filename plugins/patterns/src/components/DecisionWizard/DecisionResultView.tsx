import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  DecisionResult,
  DecisionTree,
  PATTERNS_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { ReactNode } from 'react';
import {
  AlternativeList,
  AlternativesSection,
  DecisionNames,
  PatternRef,
} from './DecisionLinks';
import { CodeBlock } from '../CodeBlock';

/** The paste-ready annotation line for a set of pattern ids. */
export function annotationLine(ids: readonly string[]): string {
  return `${PATTERNS_ANNOTATION}: ${ids.join(', ')}`;
}

/** The annotation line outside an entity page: for whichever entity uses the set. */
function AnnotationLine(props: { ids: string[] }) {
  return (
    <Box mt={2} aria-label="Annotation line" role="group">
      <Typography variant="body2" gutterBottom>
        Put this line under <code>metadata.annotations</code> in the
        catalog-info.yaml of the service that uses these patterns:
      </Typography>
      <CodeBlock
        text={annotationLine(props.ids)}
        language="yaml"
        showCopyCodeButton
      />
    </Box>
  );
}

/**
 * The session's result: with more than one walk, the merged set (each
 * pattern once, with every reason it is there), what to check first and
 * the exits reached; always the one annotation line and "Record as ADR".
 */
export function DecisionResultView(props: {
  tree: DecisionTree;
  result: DecisionResult;
  /** How many walks of the session have ended. */
  ended: number;
  names: DecisionNames;
  /** The annotation part, e.g. merged with what an entity declares; a plain line by default. */
  renderAnnotation?: (ids: string[]) => ReactNode;
  onRecord: () => void;
}) {
  const { tree, result, ended, names, renderAnnotation, onRecord } = props;
  const ids = result.patterns.map(p => p.id);
  const merged = ended > 1;

  return (
    <Box component="section" aria-label="Your result" mt={3}>
      <Typography variant="h6" component="h3" gutterBottom>
        {merged ? `Your result across ${ended} concerns` : 'Your result'}
      </Typography>
      {merged && result.patterns.length > 0 && (
        <Typography
          variant="body2"
          component="ul"
          aria-label="Patterns in your result"
        >
          {result.patterns.map(pattern => (
            <li key={pattern.id}>
              <PatternRef id={pattern.id} names={names} />
              {pattern.role === 'primary' ? ' — recommended' : ' — needed'}
              <ul aria-label={`Why ${names.titleOf(pattern.id)}`}>
                {pattern.reasons.map((reason, index) => (
                  <li key={`${reason.outcomeId}-${index}`}>
                    {reason.with
                      ? `With ${names.titleOf(reason.with)}: ${reason.why}`
                      : reason.why}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </Typography>
      )}
      {merged && result.alternatives.length > 0 && (
        <AlternativesSection
          mt={1}
          title="Check these cheaper answers first"
          label="Cheaper alternatives to check first, for the whole result"
          alternatives={result.alternatives}
          names={names}
        />
      )}
      {merged &&
        result.exits.map(exitId => {
          const exit = tree.exits[exitId];
          return (
            <Box mt={1} key={exitId}>
              <Typography variant="subtitle2" component="h4">
                {exit.title}
              </Typography>
              <Typography variant="body2">{exit.why}</Typography>
              <AlternativeList
                alternatives={exit.instead}
                names={names}
                label={`Instead: ${exit.title}`}
              />
            </Box>
          );
        })}
      {ids.length > 0 ? (
        renderAnnotation?.(ids) ?? <AnnotationLine ids={ids} />
      ) : (
        <Typography variant="body2" paragraph>
          No pattern to declare: do what the answer above suggests instead.
        </Typography>
      )}
      <Box mt={2}>
        <Button variant="outlined" color="primary" onClick={onRecord}>
          Record as ADR
        </Button>
      </Box>
    </Box>
  );
}
