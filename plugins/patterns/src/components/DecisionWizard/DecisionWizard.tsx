import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import {
  decisionTreeToMermaid,
  DecisionTree,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { ReactNode, useState } from 'react';
import { MermaidDiagram } from '../MermaidDiagram';
import { AnswerTrail } from './AnswerTrail';
import { DecisionOutcomeView } from './DecisionOutcomeView';
import { QuestionView } from './QuestionView';
import { useDecisionWalk } from './useDecisionWalk';

export interface DecisionWizardProps {
  tree: DecisionTree;
  patterns: PatternSummary[];
  scenarios: PatternScenario[];
  /** Extra content under an outcome, e.g. the annotation line for an entity. */
  renderOutcomeExtra?: (patternIds: string[]) => ReactNode;
}

/** One question at a time from the guide's flowchart, to a recommendation. */
export function DecisionWizard(props: DecisionWizardProps) {
  const { tree, patterns, scenarios, renderOutcomeExtra } = props;
  const walk = useDecisionWalk(tree);
  const { state } = walk;
  const [showFlowchart, setShowFlowchart] = useState(false);
  const titleOf = (id: string) => patterns.find(p => p.id === id)?.title ?? id;

  return (
    <InfoCard title="Decision wizard" subheader={tree.start.text}>
      <AnswerTrail tree={tree} state={state} onReturnTo={walk.returnTo} />
      <Box my={2}>
        {state.kind === 'question' ? (
          <QuestionView
            question={tree.questions[state.questionId]}
            onAnswer={walk.answer}
          />
        ) : (
          <DecisionOutcomeView
            tree={tree}
            state={state}
            patterns={patterns}
            scenarios={scenarios}
            extra={renderOutcomeExtra?.(
              tree.outcomes[state.outcomeId].patterns,
            )}
          />
        )}
      </Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Button
          variant="outlined"
          onClick={walk.back}
          disabled={state.steps.length === 0}
        >
          Back
        </Button>
        <Button
          variant="outlined"
          onClick={walk.restart}
          disabled={state.steps.length === 0}
        >
          Restart
        </Button>
        <FormControlLabel
          control={
            <Switch
              checked={showFlowchart}
              onChange={e => setShowFlowchart(e.target.checked)}
              color="primary"
            />
          }
          label="Show the flowchart with my path"
        />
      </Box>
      {showFlowchart && (
        <MermaidDiagram
          code={decisionTreeToMermaid(tree, { titleOf, state })}
          label="Decision flowchart with the path taken highlighted"
          naturalSize
        />
      )}
    </InfoCard>
  );
}
