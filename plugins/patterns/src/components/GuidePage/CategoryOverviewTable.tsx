import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  PatternCategory,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { Fragment } from 'react';
import { patternRouteRef, rootRouteRef } from '../../routes';

/** The guide's overview: Category, Patterns, Focus Area. */
export function CategoryOverviewTable(props: {
  categories: PatternCategory[];
  patterns: PatternSummary[];
}) {
  const { categories, patterns } = props;
  const patternLink = useRouteRef(patternRouteRef);
  const catalogLink = useRouteRef(rootRouteRef)();
  return (
    <Table size="small" aria-label="Categories">
      <TableHead>
        <TableRow>
          <TableCell>Category</TableCell>
          <TableCell>Patterns</TableCell>
          <TableCell>Focus Area</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {categories.map(category => (
          <TableRow key={category.id}>
            <TableCell>
              <Link to={`${catalogLink}?category=${category.id}`}>
                {category.title}
              </Link>
            </TableCell>
            <TableCell>
              {category.patterns.map((id, i) => (
                <Fragment key={id}>
                  {i > 0 && ', '}
                  <Link to={patternLink({ id })}>
                    {patterns.find(p => p.id === id)?.title ?? id}
                  </Link>
                </Fragment>
              ))}
            </TableCell>
            <TableCell>{category.focus}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
