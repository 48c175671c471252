import { RefObject, useId, useLayoutEffect, useRef, useState } from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { CodeBlock } from '../CodeBlock';
import { renderMermaid } from './renderMermaid';

const useStyles = makeStyles(theme => ({
  diagram: {
    // Mermaid draws at its natural size (useMaxWidth: false); a diagram
    // wider than the card scrolls rather than shrinking until its labels
    // cannot be read. The keyboard can reach it to scroll it.
    margin: 0,
    overflow: 'auto',
    padding: theme.spacing(2),
    textAlign: 'center',
    '& svg': { maxWidth: 'none', height: 'auto' },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  large: {
    // A large chart scrolls both ways inside the window, so its horizontal
    // scroll bar is never a page away.
    maxHeight: '75vh',
    textAlign: 'left',
  },
}));

/**
 * Scrolls a chart larger than its box to where the reader is: the last node
 * of the highlighted path (class `taken`), or else the top node where the
 * chart starts, rather than the empty top-left corner of a wide tree.
 */
function scrollToReader(figure: HTMLElement) {
  const scrolls =
    figure.scrollWidth > figure.clientWidth ||
    figure.scrollHeight > figure.clientHeight;
  if (!scrolls) return;
  const taken = Array.from(figure.querySelectorAll('g.node.taken'));
  const nodes =
    taken.length > 0 ? taken : Array.from(figure.querySelectorAll('g.node'));
  const target = nodes
    .map(node => node.getBoundingClientRect())
    .reduce<DOMRect | undefined>((best, box) => {
      if (!best) return box;
      // The deepest node of the path; the highest node of the chart.
      return (taken.length > 0 ? box.top > best.top : box.top < best.top)
        ? box
        : best;
    }, undefined);
  if (!target) return;
  const frame = figure.getBoundingClientRect();
  const x = target.left + target.width / 2 - frame.left + figure.scrollLeft;
  const y = target.top + target.height / 2 - frame.top + figure.scrollTop;
  figure.scrollLeft = Math.max(0, x - figure.clientWidth / 2);
  if (taken.length > 0) {
    figure.scrollTop = Math.max(0, y - figure.clientHeight / 3);
  }
}

/** Whether the element's content is larger than its box, so that it scrolls. */
function useScrollable(ref: RefObject<HTMLElement>, content: unknown): boolean {
  const [scrollable, setScrollable] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () =>
      setScrollable(
        element.scrollWidth > element.clientWidth ||
          element.scrollHeight > element.clientHeight,
      );
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, content]);
  return scrollable;
}

/**
 * A Mermaid diagram rendered to SVG at its natural size, in a figure that
 * scrolls when the diagram is larger and can then be focused; Mermaid is
 * loaded only when one is shown.
 */
export function MermaidDiagram(props: {
  code: string;
  label?: string;
  /**
   * A large chart (the decision flowchart): it scrolls both ways inside a
   * box no taller than most of the window.
   */
  naturalSize?: boolean;
}) {
  const { code, label, naturalSize } = props;
  const classes = useStyles();
  const dark = useTheme().palette.type === 'dark';
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const {
    value: svg,
    loading,
    error,
  } = useAsync(() => renderMermaid(id, code, dark), [id, code, dark]);
  const figure = useRef<HTMLElement>(null);
  const scrollable = useScrollable(figure, svg);
  useLayoutEffect(() => {
    if (naturalSize && svg && figure.current) scrollToReader(figure.current);
  }, [naturalSize, svg]);

  if (loading) return <Progress />;
  if (error || !svg) {
    return (
      <WarningPanel
        title="This diagram could not be drawn"
        message={error?.message}
      >
        <CodeBlock text={code} language="text" />
      </WarningPanel>
    );
  }
  return (
    <figure
      ref={figure}
      className={`${classes.diagram} ${naturalSize ? classes.large : ''}`}
      role="img"
      aria-label={label ?? 'Diagram'}
      // When it scrolls, the keyboard can reach it and scroll it with the
      // arrow keys (WCAG 2.1.1; axe scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={scrollable ? 0 : undefined}
      // Mermaid renders with securityLevel 'strict', which sanitises labels.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
