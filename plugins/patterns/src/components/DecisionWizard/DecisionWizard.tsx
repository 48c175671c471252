import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import {
  decisionTreeToMermaid,
  DecisionTree,
  mergeDecisionResult,
  originNode,
  PatternScenario,
  PatternSummary,
  remainingConcerns,
} from '@system-design/backstage-plugin-patterns-common';
import { ReactNode, useState } from 'react';
import { MermaidDiagram } from '../MermaidDiagram';
import { AnswerTrail } from './AnswerTrail';
import { ConcernPicker } from './ConcernPicker';
import { endTitle, listOf, originTitle } from './decisionLabels';
import { DecisionNames } from './DecisionLinks';
import { DecisionExitView } from './DecisionExitView';
import { DecisionOutcomeView } from './DecisionOutcomeView';
import { DecisionRecordDialog } from './DecisionRecordDialog';
import { DecisionResultView } from './DecisionResultView';
import { QuestionView } from './QuestionView';
import { useDecisionSession } from './useDecisionSession';

export interface DecisionWizardProps {
  tree: DecisionTree;
  patterns: PatternSummary[];
  scenarios: PatternScenario[];
  /** The entity the decision is for, on its page: named in the ADR. */
  entity?: { ref: string; title: string };
  /** The patterns the entity already declares: marked, and kept by the annotation line. */
  declared?: string[];
  /** The annotation part of a result, e.g. merged with the entity's; a plain line by default. */
  renderAnnotation?: (patternIds: string[]) => ReactNode;
}

/**
 * One question at a time from the guide's flowchart, to an outcome set or
 * a "you may not need this" exit; then another concern if wanted, all
 * merged into one result with one annotation line and an ADR.
 */
export function DecisionWizard(props: DecisionWizardProps) {
  const { tree, patterns, scenarios, entity, declared, renderAnnotation } =
    props;
  const session = useDecisionSession(tree);
  const { states, current } = session;
  const [showFlowchart, setShowFlowchart] = useState(false);
  const [recording, setRecording] = useState(false);
  const titleOf = (id: string) => patterns.find(p => p.id === id)?.title ?? id;
  const names: DecisionNames = {
    titleOf,
    declared: declared ? new Set(declared) : undefined,
  };
  const ended = current.kind !== 'question';
  const endedWalks = states.filter(s => s.kind !== 'question').length;
  const several = states.length > 1;
  const result = mergeDecisionResult(tree, states);
  const concernOf = (origin: string) =>
    several ? originTitle(tree, origin) : undefined;

  return (
    <InfoCard title="Decision wizard" subheader={tree.start.text}>
      {entity && declared && declared.length > 0 && (
        <Typography variant="body2" paragraph>
          {entity.title} already declares {listOf(declared.map(titleOf))}: the
          wizard marks them as already declared and keeps them in the annotation
          line.
        </Typography>
      )}
      {states.slice(0, -1).map((state, index) => (
        <AnswerTrail
          key={state.origin}
          tree={tree}
          state={state}
          concern={originTitle(tree, state.origin)}
          end={endTitle(tree, state, titleOf)}
          onReturnTo={step => session.returnTo(index, step)}
        />
      ))}
      <AnswerTrail
        tree={tree}
        state={current}
        concern={concernOf(current.origin)}
        onReturnTo={step => session.returnTo(states.length - 1, step)}
      />
      <Box my={2}>
        {current.kind === 'question' && (
          <QuestionView
            question={tree.questions[current.questionId]}
            onAnswer={session.answer}
            concern={concernOf(current.origin)}
          />
        )}
        {current.kind === 'outcome' && (
          <DecisionOutcomeView
            tree={tree}
            state={current}
            patterns={patterns}
            scenarios={scenarios}
            names={names}
          />
        )}
        {current.kind === 'exit' && (
          <DecisionExitView tree={tree} state={current} names={names} />
        )}
        {ended && (
          <>
            <ConcernPicker
              concerns={remainingConcerns(tree, states)}
              onTakeUp={session.takeUp}
            />
            <DecisionResultView
              tree={tree}
              result={result}
              ended={endedWalks}
              names={names}
              renderAnnotation={renderAnnotation}
              onRecord={() => setRecording(true)}
            />
          </>
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
          onClick={session.back}
          disabled={!session.canGoBack}
        >
          Back
        </Button>
        <Button
          variant="outlined"
          onClick={session.restart}
          disabled={current.steps.length === 0}
        >
          {several ? `Restart ${originTitle(tree, current.origin)}` : 'Restart'}
        </Button>
        {several && (
          <Button variant="outlined" onClick={session.startOver}>
            Start over
          </Button>
        )}
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
          code={decisionTreeToMermaid(tree, {
            titleOf,
            state: current,
            branch: originNode(tree, current.origin),
          })}
          label="Decision flowchart with the path taken highlighted"
          naturalSize
        />
      )}
      <DecisionRecordDialog
        open={recording}
        onClose={() => setRecording(false)}
        source={{ tree, states, result, patterns, entity, declared }}
      />
    </InfoCard>
  );
}
