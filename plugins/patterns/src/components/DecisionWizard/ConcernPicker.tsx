import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DecisionConcern } from '@system-design/backstage-plugin-patterns-common';

/** After a result: the concerns not walked yet, one button each. */
export function ConcernPicker(props: {
  concerns: readonly DecisionConcern[];
  onTakeUp: (concernId: string) => void;
}) {
  const { concerns, onTakeUp } = props;
  if (concerns.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="decision-concerns-heading" mt={3}>
      <Typography variant="h6" component="h3" id="decision-concerns-heading">
        Take up another concern
      </Typography>
      <Typography variant="body2" paragraph>
        Its answer joins this result: one set of patterns, one annotation line.
      </Typography>
      <Grid container spacing={1} role="group" aria-label="Concerns">
        {concerns.map(concern => (
          <Grid item key={concern.id}>
            <Button variant="outlined" onClick={() => onTakeUp(concern.id)}>
              {concern.title}
            </Button>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
