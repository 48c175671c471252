import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
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
import { patternRouteRef } from '../../routes';

/** One category as in the guide: Pattern, Best For, Key Trade-off. */
export function CategoryTable(props: {
  category: PatternCategory;
  patterns: PatternSummary[];
}) {
  const { category, patterns } = props;
  const patternLink = useRouteRef(patternRouteRef);
  const headingId = `category-${category.id}`;
  return (
    <InfoCard
      title={<span id={headingId}>{category.title}</span>}
      subheader={[
        category.description,
        category.focus && `Focus: ${category.focus}`,
      ]
        .filter(Boolean)
        .join(' — ')}
      noPadding
    >
      <Table size="small" aria-labelledby={headingId}>
        <TableHead>
          <TableRow>
            <TableCell style={{ width: '30%' }}>Pattern</TableCell>
            <TableCell style={{ width: '35%' }}>Best For</TableCell>
            <TableCell>Key Trade-off</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {patterns.map(pattern => (
            <TableRow key={pattern.id}>
              <TableCell>
                <Link to={patternLink({ id: pattern.id })}>
                  <Typography variant="subtitle2" component="span">
                    {pattern.title}
                  </Typography>
                </Link>
                <Typography variant="body2" color="textSecondary">
                  {pattern.summary}
                </Typography>
              </TableCell>
              <TableCell>{pattern.bestFor}</TableCell>
              <TableCell>{pattern.tradeoff}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
