import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  layersToMermaid,
  PatternGraph,
} from '@system-design/backstage-plugin-patterns-common';
import { useState } from 'react';
import { MermaidDiagram } from '../MermaidDiagram';
import { GraphLegend, PatternGraphView } from '../PatternGraph';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';

/** Only the nodes of the chosen categories, and the edges between them. */
export function filterGraph(
  graph: PatternGraph,
  categories: string[],
): PatternGraph {
  if (categories.length === 0) return graph;
  const nodes = graph.nodes.filter(n => categories.includes(n.category));
  const ids = new Set(nodes.map(n => n.id));
  return {
    nodes,
    edges: graph.edges.filter(e => ids.has(e.source) && ids.has(e.target)),
  };
}

/** /patterns/graph: every pattern and how they relate; or the guide's layers. */
export function GraphPage() {
  const [view, setView] = useState<'relations' | 'layers'>('relations');
  const [selected, setSelected] = useState<string[]>([]);
  const state = usePatternsData(api =>
    Promise.all([api.getGraph(), api.listCategories()]),
  );

  const render = ([graph, categories]: NonNullable<typeof state.value>) => {
    const toggle = (id: string) =>
      setSelected(s => (s.includes(id) ? s.filter(x => x !== id) : [...s, id]));
    const shown = filterGraph(graph, selected);
    const titleOf = (id: string) =>
      graph.nodes.find(n => n.id === id)?.title ?? id;
    return (
      <InfoCard>
        <Tabs
          value={view}
          onChange={(_e, v) => setView(v)}
          indicatorColor="primary"
          aria-label="Graph view"
        >
          <Tab value="relations" label="Related patterns" />
          <Tab value="layers" label="Layers" disabled={!graph.layers} />
        </Tabs>
        {view === 'relations' ? (
          <>
            <Box
              my={2}
              display="flex"
              flexWrap="wrap"
              style={{ gap: 8 }}
              role="group"
              aria-label="Filter by category"
            >
              {categories.map(category => (
                <Chip
                  key={category.id}
                  label={category.title}
                  clickable
                  color={selected.includes(category.id) ? 'primary' : 'default'}
                  onClick={() => toggle(category.id)}
                  aria-pressed={selected.includes(category.id)}
                />
              ))}
              {selected.length > 0 && (
                <Chip
                  label="Show all"
                  variant="outlined"
                  onClick={() => setSelected([])}
                  clickable
                />
              )}
            </Box>
            <GraphLegend categories={categories} />
            <PatternGraphView
              graph={shown}
              categoryIds={categories.map(c => c.id)}
            />
          </>
        ) : (
          graph.layers && (
            <MermaidDiagram
              code={layersToMermaid(graph.layers, titleOf)}
              label="Pattern layers"
            />
          )
        )}
      </InfoCard>
    );
  };

  return (
    <AsyncPatternsPage
      title="Related-pattern graph"
      subtitle="How the patterns complement, replace and build on each other; select a pattern to open it"
      state={state}
    >
      {render}
    </AsyncPatternsPage>
  );
}
