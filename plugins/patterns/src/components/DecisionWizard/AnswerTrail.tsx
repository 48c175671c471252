import Breadcrumbs from '@material-ui/core/Breadcrumbs';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import {
  DecisionState,
  DecisionTree,
} from '@system-design/backstage-plugin-patterns-common';

/** The answers so far; choosing one returns to that question. */
export function AnswerTrail(props: {
  tree: DecisionTree;
  state: DecisionState;
  onReturnTo: (stepIndex: number) => void;
}) {
  const { tree, state, onReturnTo } = props;
  if (state.steps.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Answer a few questions to get a recommendation.
      </Typography>
    );
  }
  return (
    <Breadcrumbs aria-label="Your answers" maxItems={12}>
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
    </Breadcrumbs>
  );
}
