import { PatternGraphStyle } from '@system-design/backstage-plugin-patterns-common';

/** Colour-blind-safe palette (Okabe–Ito), one colour per category in order. */
const CATEGORY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
];

export function categoryColour(
  categoryIds: string[],
  categoryId: string,
): string {
  const index = categoryIds.indexOf(categoryId);
  return CATEGORY_COLOURS[index >= 0 ? index % CATEGORY_COLOURS.length : 7];
}

/**
 * How each edge style of the relation table is drawn. The legend text comes
 * from the table in -common; a new relation type adds one entry here.
 */
export const RELATION_STYLES: Record<
  PatternGraphStyle,
  { colour: string; dash?: string }
> = {
  complements: { colour: '#2e7d32' },
  alternative: { colour: '#c62828', dash: '6 4' },
  'builds-on': { colour: '#1565c0', dash: '2 3' },
};
