import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/** `/patterns`: the pattern catalog. */
export const rootRouteRef = createRouteRef({ id: 'patterns' });

/** `/patterns/:id`: one pattern document. */
export const patternRouteRef = createSubRouteRef({
  id: 'patterns/pattern',
  parent: rootRouteRef,
  path: '/:id',
});

/** `/patterns/guide`: the guide — categories, flowchart, layers, scenarios. */
export const guideRouteRef = createSubRouteRef({
  id: 'patterns/guide',
  parent: rootRouteRef,
  path: '/guide',
});
