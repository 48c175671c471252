import { InfoCard, Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { PatternSuggestion } from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';

/** "Often used with": patterns that usually accompany the used ones, and why. */
export function SuggestionsCard(props: { suggestions: PatternSuggestion[] }) {
  const { suggestions } = props;
  const patternLink = usePatternLink();
  return (
    <InfoCard title="Often used with">
      {suggestions.length === 0 ? (
        <Typography variant="body2">
          No suggestions: the patterns used here have no related patterns left
          to add.
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Often used with">
          {suggestions.map(suggestion => (
            <ListItem key={suggestion.id} disableGutters>
              <ListItemText
                primary={
                  <Link to={patternLink(suggestion.id)}>
                    {suggestion.title}
                  </Link>
                }
                secondary={suggestion.reason}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
