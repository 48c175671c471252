import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import { PATTERNS_ANNOTATION } from '@system-design/backstage-plugin-patterns-common';
import { usePatternLink } from '../../hooks/usePatternLink';
import {
  EntityPatterns,
  useEntityPatterns,
} from '../../hooks/useEntityPatterns';
import { AsyncContent } from '../AsyncContent';
import {
  PATTERN_USE_SOURCE_LABELS,
  PatternUseIcon,
  sourceOfState,
} from '../PatternUseSource';

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Overview card: the used patterns as links, each marked declared and
 * detected, declared with no evidence found, or detected and not declared;
 * and how many warnings the Patterns tab has.
 */
export function EntityPatternsCard() {
  const { entity } = useEntity();
  const state = useEntityPatterns(entity);
  const patternLink = usePatternLink();

  const render = (value: EntityPatterns) => {
    if (!value.declared && value.uses.length === 0) {
      return (
        <Typography variant="body2">
          No patterns declared. Add the <code>{PATTERNS_ANNOTATION}</code>{' '}
          annotation with the ids of the patterns this entity uses.
        </Typography>
      );
    }
    const warnings = value.gaps.filter(g => g.severity === 'warning').length;
    const undeclared = value.uses.filter(
      u => u.state === 'detected-not-declared',
    ).length;
    return (
      <>
        {value.uses.length === 0 ? (
          <Typography variant="body2">
            No known pattern ids declared.
          </Typography>
        ) : (
          <Box
            display="flex"
            flexWrap="wrap"
            component="ul"
            p={0}
            m={0}
            aria-label="Patterns used"
          >
            {value.uses.map(({ pattern, state: evidenceState }) => {
              const source = sourceOfState(evidenceState);
              const label = `${pattern.title} (${PATTERN_USE_SOURCE_LABELS[
                source
              ].toLocaleLowerCase('en-US')})`;
              return (
                <Box
                  component="li"
                  key={pattern.id}
                  mr={1}
                  mb={1}
                  style={{ listStyle: 'none' }}
                  data-source={source}
                >
                  <Tooltip title={label}>
                    <Chip
                      label={pattern.title}
                      icon={<PatternUseIcon source={source} />}
                      component={Link}
                      to={patternLink(pattern.id)}
                      clickable
                      role="link"
                      aria-label={label}
                      size="small"
                    />
                  </Tooltip>
                </Box>
              );
            })}
          </Box>
        )}
        <Box
          display="flex"
          alignItems="center"
          mt={1}
          aria-label="Pattern warnings"
          role="status"
        >
          <WarningIcon
            fontSize="small"
            color={warnings > 0 ? 'secondary' : 'disabled'}
          />
          <Box ml={0.5} mr={2}>
            <Typography variant="body2">
              {plural(warnings, 'risky gap', 'risky gaps')}
            </Typography>
          </Box>
          {undeclared > 0 && (
            <Box mr={2} display="flex" alignItems="center">
              <PatternUseIcon source="detected" />
              <Box ml={0.5}>
                <Typography variant="body2">
                  {plural(
                    undeclared,
                    'detected, not declared',
                    'detected, not declared',
                  )}
                </Typography>
              </Box>
            </Box>
          )}
          {value.problems.length > 0 && (
            <>
              <ErrorIcon fontSize="small" color="error" />
              <Box ml={0.5}>
                <Typography variant="body2">
                  {plural(
                    value.problems.length,
                    'annotation problem',
                    'annotation problems',
                  )}
                </Typography>
              </Box>
            </>
          )}
        </Box>
      </>
    );
  };

  return (
    <InfoCard title="Patterns">
      <AsyncContent state={state}>{render}</AsyncContent>
    </InfoCard>
  );
}
