import { InfoCard, Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PatternCategory,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';

/** The patterns the entity declares: what each is best for and costs. */
export function UsedPatternsCard(props: {
  used: PatternSummary[];
  categories: ReadonlyMap<string, PatternCategory>;
}) {
  const { used, categories } = props;
  const patternLink = usePatternLink();
  return (
    <InfoCard
      title="Patterns used"
      subheader={`${used.length} declared`}
      noPadding
    >
      {used.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          None of the values in the annotation is a known pattern id.
        </Typography>
      ) : (
        <Table size="small" aria-label="Patterns used">
          <TableHead>
            <TableRow>
              <TableCell>Pattern</TableCell>
              <TableCell>Category</TableCell>
              <TableCell>Best for</TableCell>
              <TableCell>Key trade-off</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {used.map(pattern => (
              <TableRow key={pattern.id}>
                <TableCell component="th" scope="row">
                  <Link to={patternLink(pattern.id)}>{pattern.title}</Link>
                </TableCell>
                <TableCell>
                  {categories.get(pattern.category)?.title ?? pattern.category}
                </TableCell>
                <TableCell>{pattern.bestFor}</TableCell>
                <TableCell>{pattern.tradeoff}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
