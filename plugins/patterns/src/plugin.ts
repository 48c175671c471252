import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { patternsApiRef } from './api/PatternsApi';
import { PatternsClient } from './api/PatternsClient';
import { guideRouteRef, patternRouteRef, rootRouteRef } from './routes';

/** Architecture Patterns, for apps on the legacy frontend system. */
export const patternsPlugin = createPlugin({
  id: 'patterns',
  apis: [
    createApiFactory({
      api: patternsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new PatternsClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    pattern: patternRouteRef,
    guide: guideRouteRef,
  },
});

/** Mount at /patterns: catalog, pattern pages and guide. */
export const PatternsPage = patternsPlugin.provide(
  createRoutableExtension({
    name: 'PatternsPage',
    component: () =>
      import('./components/PatternsPage').then(m => m.PatternsPage),
    mountPoint: rootRouteRef,
  }),
);
