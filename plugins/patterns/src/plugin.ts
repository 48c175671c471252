import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { PATTERN_SEARCH_TYPE } from '@system-design/backstage-plugin-patterns-common';
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
    wizard: wizardRouteRef,
    graph: graphRouteRef,
    adoption: adoptionRouteRef,
  },
});

/** Mount at /patterns: catalog, pattern pages and guide. */
export const PatternsPage = patternsPlugin.provide(
  createRoutableExtension({
    name: 'PatternsPage',
    component: () =>
      import('./components/PatternsRouter').then(m => m.PatternsRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity page's "Patterns" tab. Show it on Component, API and System
 * pages; without the annotation it explains how to add it.
 */
export const EntityPatternsContent = patternsPlugin.provide(
  createComponentExtension({
    name: 'EntityPatternsContent',
    component: {
      lazy: () =>
        import('./components/EntityPatternsContent').then(
          m => m.EntityPatternsContent,
        ),
    },
  }),
);

/** Overview card: the used patterns and the warning count. Pair with `isPatternsAvailable`. */
export const EntityPatternsCard = patternsPlugin.provide(
  createComponentExtension({
    name: 'EntityPatternsCard',
    component: {
      lazy: () =>
        import('./components/EntityPatternsCard').then(
          m => m.EntityPatternsCard,
        ),
    },
  }),
);

/** Renders patterns in the search page's results (predicate: type "pattern"). */
export const PatternSearchResultListItem = patternsPlugin.provide(
  createSearchResultListItemExtension({
    name: 'PatternSearchResultListItem',
    component: () =>
      import('./components/PatternSearchResultListItem').then(
        m => m.PatternSearchResultListItem,
      ),
    predicate: result => result.type === PATTERN_SEARCH_TYPE,
  }),
);
