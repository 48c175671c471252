import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  graphLegendEntries,
  PatternCategory,
} from '@system-design/backstage-plugin-patterns-common';
import { categoryColour, RELATION_STYLES } from './graphStyles';

/** What the colours and line styles mean. */
export function GraphLegend(props: { categories: PatternCategory[] }) {
  const ids = props.categories.map(c => c.id);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 16 }}
      aria-label="Legend"
      role="group"
    >
      {graphLegendEntries().map(({ style, label }) => (
        <Box key={style} display="flex" alignItems="center" style={{ gap: 6 }}>
          <svg width="36" height="10" aria-hidden>
            <line
              x1="0"
              y1="5"
              x2="36"
              y2="5"
              stroke={RELATION_STYLES[style].colour}
              strokeWidth="2"
              strokeDasharray={RELATION_STYLES[style].dash}
            />
          </svg>
          <Typography variant="caption">{label}</Typography>
        </Box>
      ))}
      {props.categories.map(category => (
        <Box
          key={category.id}
          display="flex"
          alignItems="center"
          style={{ gap: 6 }}
        >
          <span
            aria-hidden
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: categoryColour(ids, category.id),
              display: 'inline-block',
            }}
          />
          <Typography variant="caption">{category.title}</Typography>
        </Box>
      ))}
    </Box>
  );
}
