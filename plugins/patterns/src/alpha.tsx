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
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import { patternsApiRef } from './api/PatternsApi';
import { PatternsClient } from './api/PatternsClient';
import { guideRouteRef, patternRouteRef, rootRouteRef } from './routes';

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
      import('./components/PatternsPage').then(m => <m.PatternsPage />),
  },
});

/** Architecture Patterns, for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'patterns',
  extensions: [patternsApi, patternsPage],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    pattern: patternRouteRef,
    guide: guideRouteRef,
  }),
});

export { patternsApiRef } from './api/PatternsApi';
