import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import {
  PATTERN_EVIDENCE_ANNOTATION,
  PATTERN_SEARCH_TYPE,
  PATTERNS_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { patternsApiRef } from './api/PatternsApi';
import { PatternsClient } from './api/PatternsClient';
import {
  adoptionRouteRef,
  graphRouteRef,
  guideRouteRef,
  patternRouteRef,
  rootRouteRef,
  wizardRouteRef,
} from './routes';

const patternsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: patternsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new PatternsClient(deps),
    }),
});

/** /patterns; its title and icon make the "Patterns" sidebar entry. */
const patternsPage = PageBlueprint.make({
  params: {
    path: '/patterns',
    title: 'Patterns',
    icon: <AccountTreeIcon />,
    noHeader: true,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/PatternsRouter').then(m => <m.PatternsRouter />),
  },
});

/** The "Patterns" tab on Component, API and System pages. */
const patternsEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'patterns',
    title: 'Patterns',
    filter: { kind: { $in: ['component', 'api', 'system'] } },
    loader: () =>
      import('./components/EntityPatternsContent').then(m => (
        <m.EntityPatternsContent />
      )),
  },
});

/** Overview card of entities that declare patterns or show evidence of some. */
const patternsEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'info',
    filter: {
      $any: [
        { [`metadata.annotations.${PATTERNS_ANNOTATION}`]: { $exists: true } },
        {
          [`metadata.annotations.${PATTERN_EVIDENCE_ANNOTATION}`]: {
            $exists: true,
          },
        },
      ],
    },
    loader: () =>
      import('./components/EntityPatternsCard').then(m => (
        <m.EntityPatternsCard />
      )),
  },
});

/** Patterns in the portal's search results. */
const patternSearchResultItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => result.type === PATTERN_SEARCH_TYPE,
    icon: <AccountTreeIcon />,
    component: () =>
      import('./components/PatternSearchResultListItem').then(
        m => m.PatternSearchResultListItem,
      ),
  },
});

/** "Patterns" among the search page's result types. */
const patternSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: PATTERN_SEARCH_TYPE,
    name: 'Patterns',
    icon: <AccountTreeIcon />,
  },
});

/** Architecture Patterns, for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'patterns',
  extensions: [
    patternsApi,
    patternsPage,
    patternsEntityContent,
    patternsEntityCard,
    patternSearchResultItem,
    patternSearchResultType,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    pattern: patternRouteRef,
    guide: guideRouteRef,
    wizard: wizardRouteRef,
    graph: graphRouteRef,
    adoption: adoptionRouteRef,
  }),
});

export { patternsApiRef } from './api/PatternsApi';
