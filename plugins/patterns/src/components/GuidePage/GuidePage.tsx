import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  layersToMermaid,
  PATTERN_SECTION_TITLES,
} from '@system-design/backstage-plugin-patterns-common';
import { wizardRouteRef } from '../../routes';
import { MermaidDiagram } from '../MermaidDiagram';
import { DecisionFlowchart } from './DecisionFlowchart';
import { ScenarioTable } from '../ScenarioTable/ScenarioTable';
import { CategoryOverviewTable } from './CategoryOverviewTable';
import { loadCatalog, usePatternsData } from '../../hooks/usePatternsData';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';

/** /patterns/guide: the guide's overview, flowchart, layers and quick reference. */
export function GuidePage() {
  const wizardLink = useRouteRef(wizardRouteRef)();
  const state = usePatternsData(api =>
    Promise.all([loadCatalog(api), api.getDecisionTree(), api.getGraph()]),
  );

  const render = (value: NonNullable<typeof state.value>) => {
    const [[patterns, categories, scenarios], tree, graph] = value;
    const titleOf = (id: string) =>
      patterns.find(p => p.id === id)?.title ?? id;
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Categories"
            subheader={`${patterns.length} patterns in ${categories.length} categories`}
            noPadding
          >
            <CategoryOverviewTable
              categories={categories}
              patterns={patterns}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Which pattern? The decision flowchart"
            subheader="Follow the questions from the top, or one concern at a time, or let the wizard ask them"
            deepLink={{ title: 'Open the decision wizard', link: wizardLink }}
          >
            <DecisionFlowchart tree={tree} titleOf={titleOf} />
          </InfoCard>
        </Grid>
        {graph.layers && (
          <Grid item xs={12}>
            <InfoCard
              title="How the patterns layer"
              subheader="Communication → Gateway → Resilience → Data → Messaging; dotted lines link patterns across layers"
            >
              <MermaidDiagram
                code={layersToMermaid(graph.layers, titleOf)}
                label="Pattern layers"
              />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12} md={8}>
          <InfoCard title="Quick Reference" noPadding>
            <ScenarioTable scenarios={scenarios} patterns={patterns} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="Every pattern page has nine sections">
            <ol aria-label="Document structure">
              {PATTERN_SECTION_TITLES.map(title => (
                <li key={title}>
                  <Typography variant="body2">{title}</Typography>
                </li>
              ))}
            </ol>
            <Typography variant="body2" color="textSecondary">
              To add a pattern, follow content/README.md in the plugin's
              repository; the content lint checks the structure.
            </Typography>
          </InfoCard>
        </Grid>
      </Grid>
    );
  };

  return (
    <AsyncPatternsPage
      title="Architecture Patterns Guide"
      subtitle="How the catalog is organised and how to choose a pattern"
      state={state}
    >
      {render}
    </AsyncPatternsPage>
  );
}
