import { PatternGraphRelation } from '@system-design/backstage-plugin-patterns-common';

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

export function categoryColour(categoryIds: string[], categoryId: string): string {
  const index = categoryIds.indexOf(categoryId);
  return CATEGORY_COLOURS[index >= 0 ? index % CATEGORY_COLOURS.length : 7];
}

/** How each relation is drawn: colour and dash pattern, with a legend text. */
export const RELATION_STYLES: Record<
  PatternGraphRelation,
  { colour: string; dash?: string; description: string }
> = {
  complements: { colour: '#2e7d32', description: 'complements (used together)' },
  alternative: {
    colour: '#c62828',
    dash: '6 4',
    description: 'alternative (pick one)',
  },
  'builds-on': {
    colour: '#1565c0',
    dash: '2 3',
    description: 'builds on (arrow points to the foundation)',
  },
};
