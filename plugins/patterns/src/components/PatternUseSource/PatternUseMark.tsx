import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import DescriptionOutlined from '@material-ui/icons/DescriptionOutlined';
import FindInPage from '@material-ui/icons/FindInPage';
import { PatternUseSource } from '@system-design/backstage-plugin-patterns-common';
import { PATTERN_USE_SOURCE_LABELS } from './patternUseSource';

const useStyles = makeStyles(theme => ({
  both: { color: theme.palette.success.main },
  declared: { color: theme.palette.text.secondary },
  detected: { color: theme.palette.warning.dark },
}));

/**
 * One icon per source, decorative: it is always shown with its words (or
 * inside an element named by them), so neither colour nor shape is the only sign.
 */
export function PatternUseIcon(props: {
  source: PatternUseSource;
  fontSize?: 'small' | 'inherit';
}) {
  const { source, fontSize = 'small' } = props;
  const classes = useStyles();
  const common = {
    fontSize,
    'aria-hidden': true,
    className: classes[source],
  } as const;
  switch (source) {
    case 'both':
      return <CheckCircleOutline {...common} />;
    case 'declared':
      return <DescriptionOutlined {...common} />;
    default:
      return <FindInPage {...common} />;
  }
}

/** The mark of how an entity uses a pattern: icon and words. */
export function PatternUseMark(props: {
  source: PatternUseSource;
  /** Replaces the standard words, e.g. with a count. */
  label?: string;
  variant?: 'body2' | 'caption';
}) {
  const { source, label, variant = 'body2' } = props;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      data-source={source}
      style={{ gap: 4 }}
    >
      <PatternUseIcon
        source={source}
        fontSize={variant === 'caption' ? 'inherit' : 'small'}
      />
      <Typography variant={variant} component="span">
        {label ?? PATTERN_USE_SOURCE_LABELS[source]}
      </Typography>
    </Box>
  );
}
