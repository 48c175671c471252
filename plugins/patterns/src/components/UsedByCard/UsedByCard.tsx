import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  PATTERN_USE_SOURCES,
  PATTERNS_ANNOTATION,
  PatternUsage,
  PatternUsageEntity,
  PatternUsageOwner,
  PatternUseSource,
  UNOWNED_OWNER,
} from '@system-design/backstage-plugin-patterns-common';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncContent } from '../AsyncContent';
import {
  PatternUseMark,
  patternUseSourceText,
  PatternUseSourceFilter,
  SourceFilter,
  useSourceFilter,
} from '../PatternUseSource';

/** The anchor of the card; the adoption matrix links to `/patterns/<id>#used-by`. */
export const USED_BY_ANCHOR = 'used-by';

/** The entity's source; an answer without one (an older backend) only knew declarations. */
function sourceOf(entity: PatternUsageEntity): PatternUseSource {
  return PATTERN_USE_SOURCES.includes(entity.source)
    ? entity.source
    : 'declared';
}

/** How many entities use the pattern in each way, and in all. */
function countBySource(
  usage: PatternUsage,
): Record<PatternUseSource, number> & { all: number } {
  const counts = { all: 0, both: 0, declared: 0, detected: 0 };
  for (const owner of usage.owners) {
    for (const entity of owner.entities) {
      counts.all++;
      counts[sourceOf(entity)]++;
    }
  }
  return counts;
}

/** The owners with only the entities that pass the filter; owners left empty are dropped. */
function filterOwners(
  owners: PatternUsageOwner[],
  filter: PatternUseSourceFilter,
): PatternUsageOwner[] {
  if (filter === 'all') return owners;
  return owners
    .map(owner => ({
      ...owner,
      entities: owner.entities.filter(e => sourceOf(e) === filter),
    }))
    .filter(owner => owner.entities.length > 0);
}

/**
 * "Used by": the entities that use a pattern, grouped by owning team, each
 * marked as declaring it with evidence found, declaring it with none found,
 * or showing evidence of it without declaring it; a filter shows one kind.
 */
export function UsedByCard(props: { patternId: string }) {
  const { patternId } = props;
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useSourceFilter();
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

  const render = (value: PatternUsage) => {
    if (value.total === 0) {
      return (
        <Typography variant="body2">
          No entities declare this pattern yet, and none shows evidence of it —
          add{' '}
          <code>
            {PATTERNS_ANNOTATION}: {patternId}
          </code>{' '}
          to a catalog-info.yaml.
        </Typography>
      );
    }
    const owners = filterOwners(value.owners, filter);
    return (
      <>
        <SourceFilter
          label="Show entities"
          value={filter}
          onChange={setFilter}
          counts={countBySource(value)}
        />
        {owners.length === 0 && filter !== 'all' ? (
          <Typography variant="body2" role="status">
            No entity is {patternUseSourceText(filter)}.
          </Typography>
        ) : (
          owners.map(owner => <OwnerGroup key={owner.owner} owner={owner} />)
        )}
      </>
    );
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
          <ListItem
            key={entity.ref}
            disableGutters
            data-source={sourceOf(entity)}
          >
            <ListItemText
              primary={
                <EntityRefLink entityRef={entity.ref}>
                  {entity.title ?? entity.name}
                </EntityRefLink>
              }
              secondary={
                <>
                  <span>{describeEntity(entity)}</span>
                  <Box display="block" component="span">
                    <PatternUseMark
                      source={sourceOf(entity)}
                      variant="caption"
                    />
                  </Box>
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
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
