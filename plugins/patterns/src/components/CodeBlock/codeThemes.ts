/// <reference types="react-syntax-highlighter" />
import { CSSProperties } from 'react';
import a11yDark from 'react-syntax-highlighter/dist/esm/styles/hljs/a11y-dark';
import a11yLight from 'react-syntax-highlighter/dist/esm/styles/hljs/a11y-light';

/** The class of CodeBlock's pre, whose colours need no correction. */
export const CODE_BLOCK_CLASS = 'patterns-code-block';

type HighlightStyle = { [key: string]: CSSProperties };

/**
 * A highlight.js style with some colours swapped: every token colour reaches
 * at least 4.5:1 against the block's background and the highlighted lines'.
 */
function recolour(
  style: HighlightStyle,
  colours: Record<string, string>,
  background: string,
): HighlightStyle {
  return Object.fromEntries(
    Object.entries(style).map(([key, value]) => {
      const colour = value.color && colours[String(value.color)];
      const next = colour ? { ...value, color: colour } : value;
      return [key, key === 'hljs' ? { ...next, background } : next];
    }),
  );
}

/**
 * The a11y-light and a11y-dark styles (WCAG AA) with margin to spare: the
 * light one's blue, orange, red, green and grey are darkened so that they
 * keep 4.5:1 on a highlighted line too (the lowest is 5.1:1).
 */
export const codeThemes = {
  light: {
    style: recolour(
      a11yLight,
      {
        '#007faa': '#00739a',
        '#aa5d00': '#9a5400',
        '#d91e18': '#c41a15',
        '#008000': '#007a00',
        '#696969': '#5e5e5e',
      },
      '#f8f8ff',
    ),
    background: '#f8f8ff',
    highlightedLine: '#e6ffed',
    marker: '#137333',
  },
  dark: {
    style: recolour(a11yDark, {}, '#2b2b2b'),
    background: '#2b2b2b',
    highlightedLine: '#203a5c',
    marker: '#00e0e0',
  },
};

/** Every text colour the light or dark style uses, with the backgrounds it sits on. */
export function codeThemeColours(mode: 'light' | 'dark') {
  const theme = codeThemes[mode];
  const colours = new Set<string>();
  Object.values(theme.style).forEach(s => {
    if (s.color) colours.add(String(s.color));
  });
  return {
    colours: [...colours],
    backgrounds: [theme.background, theme.highlightedLine],
  };
}
