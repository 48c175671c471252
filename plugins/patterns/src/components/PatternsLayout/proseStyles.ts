import { makeStyles } from '@material-ui/core/styles';
import { CODE_BLOCK_CLASS } from '../CodeBlock/codeThemes';

/**
 * Text blocks whose links are underlined. The app may suffix Material UI's
 * class names (MuiFormLabel-root-835), so they are matched by prefix; state
 * classes (Mui-focused) are never suffixed.
 */
const PROSE_BLOCKS = [
  'p',
  'li',
  'blockquote',
  'dd',
  'figcaption',
  '[class*="MuiTypography-body1"]',
  '[class*="MuiTypography-body2"]',
  '[class*="MuiTypography-caption"]',
  '[class*="MuiAlert-message"]',
];

/**
 * Styles for the plugin's content area (pages and the entity tab):
 * - links in running text are underlined: their colour alone does not set
 *   them apart from the words around them (WCAG 1.4.1, axe
 *   link-in-text-block); buttons that are links keep their look;
 * - form labels and legends use the primary text colour: the theme's grey
 *   is just under 4.5:1 on the page's background (WCAG 1.4.3);
 * - code shown with Backstage's CodeSnippet (whose docco and dark token
 *   colours fall below 4.5:1) is shown in the block's own text colour: use
 *   CodeBlock for highlighting that keeps its contrast.
 */
export const useProseStyles = makeStyles(theme => ({
  prose: {
    [PROSE_BLOCKS.map(
      block => `& ${block} a:not([class*="MuiButtonBase-root"])`,
    ).join(', ')]: {
      textDecoration: 'underline',
    },
    '& [class*="MuiFormLabel-root"]:not(.Mui-focused):not(.Mui-error):not(.Mui-disabled)':
      {
        color: theme.palette.text.primary,
      },
    [`& pre:not(.${CODE_BLOCK_CLASS}) span[style]`]: {
      color: 'inherit !important',
    },
  },
}));
