import { useEffect, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';

/** One check result as the Tech Insights backend answers POST /checks/run/:namespace/:kind/:name. */
interface CheckResult {
  result: boolean;
  check: { id: string; name: string; description: string };
}

/** Long check names and descriptions wrap within the narrow info column. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** The checks whose ids start with this are the patterns scorecard's. */
const PATTERN_CHECK_PREFIX = 'patterns';

/**
 * The architecture-pattern scorecard of the entity: the Tech Insights
 * checks over the pattern facts, run by the Tech Insights backend. (The
 * community Tech Insights frontend plugin is not used: see README.md.)
 */
export function PatternScorecardCard() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<{
    results?: CheckResult[];
    error?: Error;
  }>({});

  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const base = await discoveryApi.getBaseUrl('tech-insights');
      const response = await fetchApi.fetch(
        `${base}/checks/run/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(
          kind.toLocaleLowerCase('en-US'),
        )}/${encodeURIComponent(name)}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({}),
        },
      );
      if (!response.ok) {
        throw new Error(
          `The scorecard could not be read: ${response.status} ${response.statusText}`,
        );
      }
      const results = ((await response.json()) as CheckResult[]).filter(r =>
        r.check.id.startsWith(PATTERN_CHECK_PREFIX),
      );
      if (!cancelled) setState({ results });
    })().catch(error => {
      if (!cancelled) setState({ error });
    });
    return () => {
      cancelled = true;
    };
  }, [discoveryApi, fetchApi, namespace, kind, name]);

  return (
    <InfoCard
      title="Pattern scorecard"
      subheader="Tech Insights checks over the entity's architecture patterns"
    >
      {state.error && <ResponseErrorPanel error={state.error} />}
      {!state.error && !state.results && <Progress />}
      {state.results?.length === 0 && (
        <p>
          No pattern facts yet: Tech Insights computes them shortly after the
          portal starts, then every 10 minutes.
        </p>
      )}
      {state.results && state.results.length > 0 && (
        <List dense aria-label="Pattern checks">
          {state.results.map(({ check, result }) => (
            <ListItem key={check.id}>
              <ListItemIcon>
                {result ? (
                  <CheckCircleIcon
                    style={{ color: '#2e7d32' }}
                    titleAccess="Passed"
                  />
                ) : (
                  <ErrorIcon color="error" titleAccess="Failed" />
                )}
              </ListItemIcon>
              <ListItemText
                primary={`${check.name}: ${result ? 'passed' : 'failed'}`}
                secondary={check.description}
                primaryTypographyProps={{ style: WRAP }}
                secondaryTypographyProps={{ style: WRAP }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
