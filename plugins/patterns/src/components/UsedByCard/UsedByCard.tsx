import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  PATTERNS_ANNOTATION,
  PatternUsageEntity,
  PatternUsageOwner,
  UNOWNED_OWNER,
} from '@system-design/backstage-plugin-patterns-common';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncContent } from '../AsyncContent';

/** The anchor of the card; the adoption matrix links to `/patterns/<id>#used-by`. */
export const USED_BY_ANCHOR = 'used-by';

/** "Used by": the entities that declare a pattern, grouped by owning team. */
export function UsedByCard(props: { patternId: string }) {
  const { patternId } = props;
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const state = usePatternsData(
    api => api.getPatternUsage(patternId),
    [patternId],
  );

  // The card loads after the page, so the browser cannot scroll to the anchor itself.
  useEffect(() => {
    if (!state.loading && hash === `#${USED_BY_ANCHOR}`) {
      ref.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [state.loading, hash]);

  const render = (value: NonNullable<typeof state.value>) => {
    let body: JSX.Element;
    if (value.total === 0) {
      body = (
        <Typography variant="body2">
          No entities declare this pattern yet — add{' '}
          <code>
            {PATTERNS_ANNOTATION}: {patternId}
          </code>{' '}
          to a catalog-info.yaml.
        </Typography>
      );
    } else {
      body = (
        <>
          {value.owners.map(owner => (
            <OwnerGroup key={owner.owner} owner={owner} />
          ))}
        </>
      );
    }
    return body;
  };

  return (
    <div id={USED_BY_ANCHOR} ref={ref}>
      <InfoCard
        title="Used by"
        subheader={
          state.value && !state.loading
            ? `${state.value.total} ${
                state.value.total === 1 ? 'entity' : 'entities'
              }`
            : undefined
        }
      >
        <AsyncContent state={state}>{render}</AsyncContent>
      </InfoCard>
    </div>
  );
}

function OwnerGroup(props: { owner: PatternUsageOwner }) {
  const { owner } = props;
  const headingId = `used-by-${owner.owner.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <Box component="section" mb={2} aria-labelledby={headingId}>
      <Typography variant="subtitle2" component="h3" id={headingId}>
        {owner.owner === UNOWNED_OWNER ? (
          'No owner'
        ) : (
          <EntityRefLink entityRef={owner.owner} defaultKind="group" />
        )}{' '}
        <Typography variant="caption" component="span" color="textSecondary">
          ({owner.entities.length})
        </Typography>
      </Typography>
      <List dense disablePadding>
        {owner.entities.map(entity => (
          <ListItem key={entity.ref} disableGutters>
            <ListItemText
              primary={
                <EntityRefLink entityRef={entity.ref}>
                  {entity.title ?? entity.name}
                </EntityRefLink>
              }
              secondary={describeEntity(entity)}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

function describeEntity(entity: PatternUsageEntity): string {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return [
    entity.type ? `${entity.type} ${kind}` : kind,
    entity.namespace !== 'default' && entity.namespace,
  ]
    .filter(Boolean)
    .join(' · ');
}
