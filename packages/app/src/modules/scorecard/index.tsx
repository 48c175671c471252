import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** The pattern scorecard on the overview of Component, API and System pages. */
const patternScorecardCard = EntityCardBlueprint.make({
  name: 'pattern-scorecard',
  params: {
    type: 'info',
    filter: { kind: { $in: ['component', 'api', 'system'] } },
    loader: () =>
      import('./PatternScorecardCard').then(m => <m.PatternScorecardCard />),
  },
});

/** Tech Insights' pattern checks on the entity page (see README.md, "Scorecards"). */
export const scorecardModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [patternScorecardCard],
});
