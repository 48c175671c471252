import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { makeStyles } from '@material-ui/core/styles';
import {
  PATTERN_USE_SOURCES,
  PatternUseSource,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternUseMark } from './PatternUseMark';
import {
  PATTERN_USE_SOURCE_LABELS,
  PatternUseSourceFilter,
} from './patternUseSource';

const useStyles = makeStyles(theme => ({
  // The options' words in body2, centred on the radio like the marks' icons.
  label: {
    ...theme.typography.body2,
    display: 'inline-flex',
    alignItems: 'center',
  },
}));

/**
 * Declared and detected / declared only / detected only / all: a radio group,
 * so Tab reaches it and the arrow keys choose. With `counts`, each option
 * says how many it shows.
 */
export function SourceFilter(props: {
  value: PatternUseSourceFilter;
  onChange: (value: PatternUseSourceFilter) => void;
  /** The fieldset's legend. */
  label: string;
  counts?: Record<PatternUseSource, number> & { all: number };
}) {
  const { value, onChange, label, counts } = props;
  const classes = useStyles();
  const count = (key: PatternUseSourceFilter) =>
    counts ? ` (${counts[key]})` : '';
  return (
    <FormControl component="fieldset" margin="dense">
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        row
        name={label}
        value={value}
        onChange={event =>
          onChange(event.target.value as PatternUseSourceFilter)
        }
      >
        <FormControlLabel
          value="all"
          control={<Radio size="small" color="primary" />}
          classes={{ label: classes.label }}
          label={`All${count('all')}`}
        />
        {PATTERN_USE_SOURCES.map(source => (
          <FormControlLabel
            key={source}
            value={source}
            control={<Radio size="small" color="primary" />}
            classes={{ label: classes.label }}
            label={
              <PatternUseMark
                source={source}
                label={`${PATTERN_USE_SOURCE_LABELS[source]}${count(source)}`}
              />
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
