import { Link } from '@backstage/core-components';
import {
  SearchDocument,
  ResultHighlight,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { PatternSearchDocument } from '@system-design/backstage-plugin-patterns-common';
import { ReactNode } from 'react';

/** A pattern in the portal's search results: title, summary, category, trade-off. */
export function PatternSearchResultListItem(props: {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}) {
  const { result, highlight, icon } = props;
  if (!result) return null;
  // Older index entries may lack a field: each is optional here.
  const fields = result as SearchDocument & Partial<PatternSearchDocument>;
  const highlighted = (field: 'title' | 'text', fallback: string) =>
    highlight?.fields?.[field] ? (
      <HighlightedSearchResultText
        text={highlight.fields[field]}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      fallback
    );
  return (
    <ListItem alignItems="flex-start" divider>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        primary={
          <Link to={result.location} noTrack>
            {highlighted('title', result.title)}
          </Link>
        }
        secondary={
          <>
            <Typography variant="body2" component="span" display="block">
              {fields.summary ?? result.text.slice(0, 200)}
            </Typography>
            {fields.tradeoff && (
              <Typography variant="caption" component="span" display="block">
                Key trade-off: {fields.tradeoff}
              </Typography>
            )}
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
      />
      <Box ml={2} flexShrink={0}>
        <Chip size="small" label="Pattern" />
        {fields.category && (
          <Chip size="small" label={fields.category} variant="outlined" />
        )}
      </Box>
    </ListItem>
  );
}
