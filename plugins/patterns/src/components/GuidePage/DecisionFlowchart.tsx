import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  DecisionTree,
  decisionTreeToMermaid,
} from '@system-design/backstage-plugin-patterns-common';
import { useSearchParams } from 'react-router-dom';
import { MermaidDiagram } from '../MermaidDiagram';

/** The URL parameter naming the concern whose branch is shown. */
const BRANCH_PARAM = 'branch';
const WHOLE = 'whole';

/**
 * The decision flowchart at a size that can be read: the whole tree, or one
 * concern's branch (the questions reachable from its start), chosen in a
 * selector and kept in the URL so that a branch can be linked to.
 */
export function DecisionFlowchart(props: {
  tree: DecisionTree;
  titleOf: (patternId: string) => string;
}) {
  const { tree, titleOf } = props;
  const [params, setParams] = useSearchParams();
  const concerns = tree.concerns.filter(
    c => c.start in tree.questions || c.start in tree.outcomes,
  );
  const concern = concerns.find(c => c.id === params.get(BRANCH_PARAM));

  const select = (id: string) => {
    const next = new URLSearchParams(params);
    if (id !== WHOLE) next.set(BRANCH_PARAM, id);
    else next.delete(BRANCH_PARAM);
    setParams(next, { replace: true });
  };

  return (
    <>
      {concerns.length > 0 && (
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
          <Box width={360} maxWidth="100%" mr={2}>
            <TextField
              id="flowchart-branch"
              select
              fullWidth
              variant="outlined"
              size="small"
              label="Show"
              value={concern?.id ?? WHOLE}
              onChange={e => select(e.target.value)}
            >
              <MenuItem value={WHOLE}>Whole flowchart</MenuItem>
              {concerns.map(c => (
                <MenuItem key={c.id} value={c.id}>
                  {c.title}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <Typography variant="body2" color="textSecondary">
            {concern
              ? `The questions from “${
                  tree.questions[concern.start]?.text ?? concern.title
                }” on.`
              : 'Scroll the chart (or focus it and use the arrow keys), or show one concern at a time.'}
          </Typography>
        </Box>
      )}
      <MermaidDiagram
        code={decisionTreeToMermaid(tree, {
          titleOf,
          branch: concern?.start,
        })}
        label={
          concern
            ? `Decision flowchart: ${concern.title}`
            : 'Decision flowchart'
        }
        naturalSize
      />
    </>
  );
}
