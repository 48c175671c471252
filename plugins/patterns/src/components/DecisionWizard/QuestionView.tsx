import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DecisionQuestion } from '@system-design/backstage-plugin-patterns-common';
import { FocusedHeading } from './FocusedHeading';

/** The current question and its answers, as buttons. */
export function QuestionView(props: {
  question: DecisionQuestion;
  onAnswer: (index: number) => void;
  /** The concern the question belongs to, after the first walk of a session. */
  concern?: string;
}) {
  const { question, onAnswer, concern } = props;
  return (
    <>
      {concern && (
        <Typography variant="overline" component="p">
          {concern}
        </Typography>
      )}
      <FocusedHeading key={question.text}>{question.text}</FocusedHeading>
      <Grid container spacing={1} role="group" aria-label={question.text}>
        {question.answers.map((answer, index) => (
          <Grid item key={answer.label}>
            <Button
              variant="contained"
              color="primary"
              onClick={() => onAnswer(index)}
            >
              {answer.label}
            </Button>
          </Grid>
        ))}
      </Grid>
    </>
  );
}
