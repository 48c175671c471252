import Box from '@material-ui/core/Box';
import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import {
  DecisionState,
  DecisionTree,
} from '@system-design/backstage-plugin-patterns-common';

/**
 * One walk's answers; choosing one returns to that question. An earlier
 * walk of the session is named by its concern and ends with its result.
 */
export function AnswerTrail(props: {
  tree: DecisionTree;
  state: DecisionState;
  onReturnTo: (stepIndex: number) => void;
  /** The concern's title, for a session of several walks. */
  concern?: string;
  /** Where the walk ended, for an earlier walk. */
  end?: string;
}) {
  const { tree, state, onReturnTo, concern, end } = props;
  if (state.steps.length === 0 && !end) {
    return (
      <Typography variant="body2" color="textSecondary">
        {concern
          ? `${concern}: answer a few questions to add to your result.`
          : 'Answer a few questions to get a recommendation.'}
      </Typography>
    );
  }
  const label = concern ? `Your answers: ${concern}` : 'Your answers';
  return (
    <Box
      display="flex"
      alignItems="baseline"
      flexWrap="wrap"
      style={{ gap: 8 }}
    >
      {concern && (
        <Typography variant="body2" component="span">
          <strong>{concern}:</strong>
        </Typography>
      )}
      <Breadcrumbs aria-label={label} maxItems={12}>
        {state.steps.map((step, index) => {
          const question = tree.questions[step.questionId];
          return (
            <Link
              key={step.questionId}
              component="button"
              variant="body2"
              onClick={() => onReturnTo(index)}
              title={`Change your answer to “${question.text}”`}
            >
              {question.text} {question.answers[step.answerIndex].label}
            </Link>
          );
        })}
        {end && (
          <Typography variant="body2" color="textPrimary">
            {end}
          </Typography>
        )}
      </Breadcrumbs>
    </Box>
  );
}
