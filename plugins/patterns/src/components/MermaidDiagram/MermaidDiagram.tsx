import { useId } from 'react';
import {
  CodeSnippet,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { renderMermaid } from './renderMermaid';

const useStyles = makeStyles(theme => ({
  diagram: {
    overflowX: 'auto',
    padding: theme.spacing(2),
    textAlign: 'center',
    '& svg': { maxWidth: '100%', height: 'auto' },
  },
  natural: {
    '& svg': { maxWidth: 'none !important' },
  },
}));

/** A Mermaid diagram rendered to SVG; Mermaid is loaded only when one is shown. */
export function MermaidDiagram(props: {
  code: string;
  label?: string;
  /** Keep the diagram's natural size and scroll sideways, for large charts. */
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

  if (loading) return <Progress />;
  if (error || !svg) {
    return (
      <WarningPanel
        title="This diagram could not be drawn"
        message={error?.message}
      >
        <CodeSnippet text={code} language="text" />
      </WarningPanel>
    );
  }
  return (
    <figure
      className={`${classes.diagram} ${naturalSize ? classes.natural : ''}`}
      role="img"
      aria-label={label ?? 'Diagram'}
      // Mermaid renders with securityLevel 'strict', which sanitises labels.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
