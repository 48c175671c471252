/// <reference types="react-syntax-highlighter" />
import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import createElement from 'react-syntax-highlighter/dist/esm/create-element';
import SyntaxHighlighter from 'react-syntax-highlighter/dist/esm/light-async';
import { CODE_BLOCK_CLASS, codeThemes } from './codeThemes';

const useStyles = makeStyles(theme => ({
  pre: {
    margin: 0,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
}));

/**
 * Highlighted code whose colours keep 4.5:1 contrast in the light and dark
 * themes (Backstage's CodeSnippet uses docco and dark, whose strings, numbers
 * and comments do not). It scrolls sideways and can be scrolled from the
 * keyboard; highlighted lines carry a marker as well as a colour.
 */
export function CodeBlock(props: {
  text: string;
  language?: string;
  highlightedNumbers?: number[];
  showCopyCodeButton?: boolean;
  /** Wrap long lines instead of scrolling (e.g. a one-line annotation to paste). */
  wrapLongLines?: boolean;
}) {
  const {
    text,
    language,
    highlightedNumbers,
    showCopyCodeButton,
    wrapLongLines,
  } = props;
  const classes = useStyles();
  const mode = useTheme().palette.type === 'dark' ? 'dark' : 'light';
  const theme = codeThemes[mode];

  return (
    <Box position="relative">
      <SyntaxHighlighter
        language={language}
        style={theme.style}
        className={`${CODE_BLOCK_CLASS} ${classes.pre}`}
        // A scrollable region the keyboard can reach (axe: scrollable-region-focusable).
        tabIndex={0}
        customStyle={{
          background: theme.background,
          padding: '0.75em 1em',
          paddingRight: showCopyCodeButton ? '3.5em' : undefined,
          margin: 0,
        }}
        wrapLines
        wrapLongLines={wrapLongLines}
        renderer={({ rows, stylesheet, useInlineStyles }) =>
          rows.map((row, index) => {
            const highlighted = highlightedNumbers?.includes(index + 1);
            return createElement({
              node: highlighted
                ? {
                    ...row,
                    properties: {
                      ...row.properties,
                      className: [
                        ...(row.properties?.className ?? []),
                        'highlighted-line',
                      ],
                    },
                  }
                : row,
              stylesheet,
              useInlineStyles,
              style: highlighted
                ? {
                    display: 'block',
                    backgroundColor: theme.highlightedLine,
                    boxShadow: `inset 3px 0 0 ${theme.marker}`,
                  }
                : undefined,
              key: `line-${index}`,
            });
          })
        }
      >
        {text}
      </SyntaxHighlighter>
      {showCopyCodeButton && (
        <Box position="absolute" top={0} right={0}>
          <CopyTextButton text={text} />
        </Box>
      )}
    </Box>
  );
}
