import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { neighbourhood } from '@system-design/backstage-plugin-patterns-common';
import { useEntityPatternsWith } from '../../hooks/useEntityPatterns';
import { AsyncContent } from '../AsyncContent';
import { GraphLegend, PatternGraphView } from '../PatternGraph';

/** The related-pattern graph centred on this entity: its patterns and their neighbours. */
export function EntityPatternGraph() {
  const { entity } = useEntity();
  const state = useEntityPatternsWith(entity, api =>
    Promise.all([api.getGraph(), api.listCategories()]),
  );

  return (
    <InfoCard
      title="Related-pattern graph"
      subheader="Outlined: patterns this entity uses. The rest are their neighbours — candidates to consider."
    >
      <AsyncContent state={state}>
        {([{ ids }, [graph, categories]]) => {
          const known = ids.filter(id => graph.nodes.some(n => n.id === id));
          if (known.length === 0) {
            return (
              <Typography variant="body2">
                Declare the patterns this entity uses to see them and their
                neighbours here.
              </Typography>
            );
          }
          return (
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
        }}
      </AsyncContent>
    </InfoCard>
  );
}
