import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  neighbourhood,
  PATTERNS_ANNOTATION,
  splitPatternAnnotation,
} from '@system-design/backstage-plugin-patterns-common';
import useAsync from 'react-use/esm/useAsync';
import { patternsApiRef } from '../../api/PatternsApi';
import { GraphLegend, PatternGraphView } from '../PatternGraph';

/** The related-pattern graph centred on this entity: its patterns and their neighbours. */
export function EntityPatternGraph() {
  const { entity } = useEntity();
  const api = useApi(patternsApiRef);
  const { value, loading, error } = useAsync(
    () => Promise.all([api.getGraph(), api.listCategories()]),
    [api],
  );
  const used = splitPatternAnnotation(
    entity.metadata.annotations?.[PATTERNS_ANNOTATION] ?? '',
  );

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = <ResponseErrorPanel error={error ?? new Error('No data')} />;
  } else {
    const [graph, categories] = value;
    const known = used.filter(id => graph.nodes.some(n => n.id === id));
    body =
      known.length === 0 ? (
        <Typography variant="body2">
          Declare the patterns this entity uses to see them and their neighbours here.
        </Typography>
      ) : (
        <>
          <GraphLegend categories={categories} />
          <PatternGraphView
            graph={neighbourhood(graph, known, 1)}
            categoryIds={categories.map(c => c.id)}
            highlight={known}
            centre={{
              id: stringifyEntityRef(entity),
              title: entity.metadata.title ?? entity.metadata.name,
            }}
          />
        </>
      );
  }
  return (
    <InfoCard
      title="Related-pattern graph"
      subheader="Outlined: patterns this entity uses. The rest are their neighbours — candidates to consider."
    >
      {body}
    </InfoCard>
  );
}
