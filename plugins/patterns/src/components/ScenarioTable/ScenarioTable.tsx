import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { Fragment } from 'react';
import { patternRouteRef } from '../../routes';

/** The guide's Quick Reference: scenario → recommended patterns, linked, with when the row holds. */
export function ScenarioTable(props: {
  scenarios: PatternScenario[];
  patterns: PatternSummary[];
}) {
  const { scenarios, patterns } = props;
  const patternLink = useRouteRef(patternRouteRef);
  const titleOf = (id: string) => patterns.find(p => p.id === id)?.title ?? id;
  return (
    <Table size="small" aria-label="Quick Reference">
      <TableHead>
        <TableRow>
          <TableCell>Scenario</TableCell>
          <TableCell>Recommended Pattern(s)</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {scenarios.map(scenario => (
          <TableRow key={scenario.scenario}>
            <TableCell>{scenario.scenario}</TableCell>
            <TableCell>
              {scenario.patterns.map((id, i) => (
                <Fragment key={id}>
                  {i > 0 && ' + '}
                  <Link to={patternLink({ id })}>{titleOf(id)}</Link>
                </Fragment>
              ))}
              {scenario.note && (
                <Typography variant="body2" color="textSecondary" component="p">
                  {scenario.note}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
