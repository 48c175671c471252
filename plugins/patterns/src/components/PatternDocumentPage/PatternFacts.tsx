import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  isSafeHref,
  PatternDocument,
} from '@system-design/backstage-plugin-patterns-common';
import { rootRouteRef } from '../../routes';

/** At a glance: category, best for, key trade-off, contents, references. */
export function PatternFacts(props: { pattern: PatternDocument }) {
  const { pattern } = props;
  const catalogLink = useRouteRef(rootRouteRef)();
  const fact = (label: string, value: React.ReactNode) => (
    <Box mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box mb={3}>
      <InfoCard title="At a glance">
        {fact(
          'Category',
          <Link to={`${catalogLink}?category=${pattern.category}`}>
            {pattern.category}
          </Link>,
        )}
        {fact('Best For', pattern.bestFor)}
        {fact('Key Trade-off', pattern.tradeoff)}
        {fact(
          'On this page',
          <nav aria-label="Sections">
            {pattern.sections.map(s => (
              <div key={s.id}>
                <Link to={`#${s.id}`}>{s.title}</Link>
              </div>
            ))}
          </nav>,
        )}
        {pattern.references.length > 0 &&
          fact(
            'References',
            pattern.references.map(url => (
              <div key={url} style={{ overflowWrap: 'anywhere' }}>
                {isSafeHref(url) ? (
                  <Link to={url}>{url.replace(/^https?:\/\//, '')}</Link>
                ) : (
                  // Never a link: a javascript: or data: reference is shown as text.
                  <span>{url}</span>
                )}
              </div>
            )),
          )}
      </InfoCard>
    </Box>
  );
}
