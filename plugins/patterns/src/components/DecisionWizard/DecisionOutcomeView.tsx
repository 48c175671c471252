import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import {
  DecisionState,
  DecisionTree,
  outcomePatternIds,
  PatternScenario,
  PatternSummary,
  suggestPatterns,
} from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';
import {
  AlternativesSection,
  DecisionNames,
  DecisionSubsection,
  PatternRef,
} from './DecisionLinks';
import { FocusedHeading } from './FocusedHeading';

/** The answers that led here, as a numbered list. */
export function DecisionPath(props: {
  tree: DecisionTree;
  state: DecisionState;
  label: string;
}) {
  const { tree, state, label } = props;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h4">
        Why: your answers
      </Typography>
      <ol aria-label={label}>
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
  );
}

/** A result's heading: see FocusedHeading. */
export const ResultHeading = FocusedHeading;

/**
 * An outcome: its set — the primary pattern, the patterns it needs with
 * it and why, the cheaper alternatives to check first — and the path.
 */
export function DecisionOutcomeView(props: {
  tree: DecisionTree;
  state: Extract<DecisionState, { kind: 'outcome' }>;
  patterns: PatternSummary[];
  scenarios: PatternScenario[];
  names: DecisionNames;
}) {
  const { tree, state, patterns, scenarios, names } = props;
  const patternLink = usePatternLink();
  const outcome = tree.outcomes[state.outcomeId];
  const primary = patterns.find(p => p.id === outcome.primary);
  const inSet = outcomePatternIds(outcome);
  const checked = new Set([
    ...inSet,
    ...outcome.alternatives.flatMap(a => (a.id ? [a.id] : [])),
  ]);
  const complements = suggestPatterns(inSet, patterns, scenarios, {
    limit: 6,
  })
    .filter(s => !checked.has(s.id))
    .slice(0, 4);

  return (
    <section aria-label="Recommendation">
      <ResultHeading>
        Recommended: {names.titleOf(outcome.primary)}
      </ResultHeading>
      <Typography variant="body1" paragraph>
        {outcome.why}
      </Typography>
      {primary && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h4">
              <PatternRef id={primary.id} names={names} />
            </Typography>
            <Typography variant="body2" paragraph>
              {primary.summary}
            </Typography>
            <Typography variant="body2">
              <strong>Best for:</strong> {primary.bestFor}
            </Typography>
            <Typography variant="body2">
              <strong>Key trade-off:</strong> {primary.tradeoff}
            </Typography>
          </CardContent>
        </Card>
      )}
      {outcome.with.length > 0 && (
        <DecisionSubsection title="Needed with it">
          <Typography
            variant="body2"
            component="ul"
            aria-label="Patterns needed with it"
          >
            {outcome.with.map(companion => (
              <li key={companion.id}>
                <PatternRef id={companion.id} names={names} />
                {' — '}
                {companion.why}
              </li>
            ))}
          </Typography>
        </DecisionSubsection>
      )}
      {outcome.alternatives.length > 0 && (
        <AlternativesSection
          title="Check these cheaper answers first"
          label="Cheaper alternatives to check first"
          alternatives={outcome.alternatives}
          names={names}
        />
      )}
      <DecisionPath
        tree={tree}
        state={state}
        label="The path to this recommendation"
      />
      {complements.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h4">
            Often combined with
          </Typography>
          <Typography
            variant="body2"
            component="ul"
            aria-label="Complementary patterns"
          >
            {complements.map(suggestion => (
              <li key={suggestion.id}>
                <Link to={patternLink(suggestion.id)}>{suggestion.title}</Link>
                {' — '}
                {suggestion.reason}
              </li>
            ))}
          </Typography>
        </Box>
      )}
    </section>
  );
}
