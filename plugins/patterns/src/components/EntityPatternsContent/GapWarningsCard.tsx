import { InfoCard, Link, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  PatternGap,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { Fragment } from 'react';
import { gapTitle } from './gapTitle';
import { usePatternLink } from '../../hooks/usePatternLink';

/** Risky gaps among the used patterns, each with what to add. */
export function GapWarningsCard(props: {
  gaps: PatternGap[];
  patterns: ReadonlyMap<string, PatternSummary>;
  error?: Error;
}) {
  const { gaps, patterns, error } = props;
  const patternLink = usePatternLink();
  const warnings = gaps.filter(g => g.severity === 'warning').length;
  return (
    <InfoCard
      title="Risky gaps"
      subheader={
        error
          ? undefined
          : `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${
              gaps.length > warnings ? `, ${gaps.length - warnings} advice` : ''
            }`
      }
    >
      {error && (
        <WarningPanel
          severity="info"
          title="Gap checks are unavailable"
          defaultExpanded
          message={
            error instanceof ResponseError
              ? `${error.message}: ${error.body.error.message}`
              : error.message
          }
        />
      )}
      {!error && gaps.length === 0 && (
        <Typography variant="body2">
          No risky gaps: none of the known risky combinations applies to these
          patterns.
        </Typography>
      )}
      {gaps.map(gap => (
        <Box key={gap.ruleId} mb={1}>
          <Alert
            severity={gap.severity}
            role="note"
            aria-label={gapTitle(gap, patterns)}
          >
            <AlertTitle>{gapTitle(gap, patterns)}</AlertTitle>
            <Typography variant="body2">{gap.message}</Typography>
            {gap.suggest.length > 0 && (
              <Typography variant="body2">
                Consider:{' '}
                {gap.suggest.map((id, i) => (
                  <Fragment key={id}>
                    {i > 0 && ', '}
                    <Link to={patternLink(id)}>
                      {patterns.get(id)?.title ?? id}
                    </Link>
                  </Fragment>
                ))}
              </Typography>
            )}
          </Alert>
        </Box>
      ))}
    </InfoCard>
  );
}
