import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

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

/**
 * `/patterns/wizard`: the decision wizard; `?path=start:0.2~data:1` restores
 * a session across concerns (the older `?answers=0.2` still works).
 */
export const wizardRouteRef = createSubRouteRef({
  id: 'patterns/wizard',
  parent: rootRouteRef,
  path: '/wizard',
});

/** `/patterns/graph`: the related-pattern graph. */
export const graphRouteRef = createSubRouteRef({
  id: 'patterns/graph',
  parent: rootRouteRef,
  path: '/graph',
});

/** `/patterns/adoption`: patterns × teams. */
export const adoptionRouteRef = createSubRouteRef({
  id: 'patterns/adoption',
  parent: rootRouteRef,
  path: '/adoption',
});
