import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  DecisionState,
  DecisionTree,
  PatternScenario,
  PatternSummary,
  suggestPatterns,
} from '@system-design/backstage-plugin-patterns-common';
import { ReactNode } from 'react';
import { patternRouteRef } from '../../routes';

/** The recommendation: the patterns, why, the path, and what goes with them. */
export function DecisionOutcomeView(props: {
  tree: DecisionTree;
  state: Extract<DecisionState, { kind: 'outcome' }>;
  patterns: PatternSummary[];
  scenarios: PatternScenario[];
  extra?: ReactNode;
}) {
  const { tree, state, patterns, scenarios, extra } = props;
  const patternLink = useRouteRef(patternRouteRef);
  const outcome = tree.outcomes[state.outcomeId];
  const recommended = outcome.patterns.flatMap(id =>
    patterns.filter(p => p.id === id),
  );
  const complements = suggestPatterns(outcome.patterns, patterns, scenarios, {
    limit: 4,
  });

  return (
    <section aria-label="Recommendation">
      <Typography variant="h5" component="h3" gutterBottom>
        Recommended: {recommended.map(p => p.title).join(' + ')}
      </Typography>
      <Typography variant="body1" paragraph>
        {outcome.why}
      </Typography>
      <Grid container spacing={2}>
        {recommended.map(pattern => (
          <Grid item xs={12} md={6} key={pattern.id}>
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h6" component="h4">
                  <Link to={patternLink({ id: pattern.id })}>
                    {pattern.title}
                  </Link>
                </Typography>
                <Typography variant="body2" paragraph>
                  {pattern.summary}
                </Typography>
                <Typography variant="body2">
                  <strong>Best for:</strong> {pattern.bestFor}
                </Typography>
                <Typography variant="body2">
                  <strong>Key trade-off:</strong> {pattern.tradeoff}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4">
          Why: your answers
        </Typography>
        <ol aria-label="The path to this recommendation">
          {state.steps.map(step => {
            const question = tree.questions[step.questionId];
            return (
              <li key={step.questionId}>
                <Typography variant="body2">
                  {question.text}{' '}
                  <strong>{question.answers[step.answerIndex].label}</strong>
                </Typography>
              </li>
            );
          })}
        </ol>
      </Box>
      {complements.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h4">
            Often combined with
          </Typography>
          <ul aria-label="Complementary patterns">
            {complements.map(suggestion => (
              <li key={suggestion.id}>
                <Typography variant="body2">
                  <Link to={patternLink({ id: suggestion.id })}>
                    {suggestion.title}
                  </Link>
                  {' — '}
                  {suggestion.reason}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {extra}
    </section>
  );
}
