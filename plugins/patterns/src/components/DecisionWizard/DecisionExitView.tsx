import Typography from '@material-ui/core/Typography';
import {
  DecisionState,
  DecisionTree,
} from '@system-design/backstage-plugin-patterns-common';
import { AlternativesSection, DecisionNames } from './DecisionLinks';
import { DecisionPath, ResultHeading } from './DecisionOutcomeView';

/** A "you may not need this" end: why, and what to do instead. */
export function DecisionExitView(props: {
  tree: DecisionTree;
  state: Extract<DecisionState, { kind: 'exit' }>;
  names: DecisionNames;
}) {
  const { tree, state, names } = props;
  const exit = tree.exits[state.exitId];
  return (
    <section aria-label={exit.title}>
      <ResultHeading>{exit.title}</ResultHeading>
      <Typography variant="body1" paragraph>
        {exit.why}
      </Typography>
      <AlternativesSection
        title="What to do instead"
        label="What to do instead"
        alternatives={exit.instead}
        names={names}
      />
      <DecisionPath tree={tree} state={state} label="The path to this answer" />
    </section>
  );
}
