import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  PatternDocument,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { patternRouteRef } from '../../routes';

/** The typed links from the front matter, each to the related pattern's page. */
export function RelatedPatternsCard(props: {
  pattern: PatternDocument;
  patterns: PatternSummary[];
}) {
  const { pattern, patterns } = props;
  const patternLink = useRouteRef(patternRouteRef);
  return (
    <Box mb={3}>
      <InfoCard title="Related patterns" noPadding>
        {pattern.related.length === 0 ? (
          <Box p={2}>
            <Typography variant="body2">No related patterns listed.</Typography>
          </Box>
        ) : (
          <List dense aria-label="Related patterns">
            {pattern.related.map(link => {
              const target = patterns.find(p => p.id === link.id);
              return (
                <ListItem key={`${link.relation}-${link.id}`}>
                  <ListItemText
                    primary={
                      <Link to={patternLink({ id: link.id })}>
                        {target?.title ?? link.id}
                      </Link>
                    }
                    secondary={target?.bestFor}
                  />
                  <Chip size="small" label={link.relation} />
                </ListItem>
              );
            })}
          </List>
        )}
      </InfoCard>
    </Box>
  );
}
