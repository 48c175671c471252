import { MarkdownContent } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import {
  DecisionAlternative,
  DecisionResult,
  DecisionState,
  DecisionTree,
  decisionRecordFileName,
  decisionRecordMarkdown,
  isSafeHref,
  PatternDocument,
  PatternSummary,
  prosAndConsOf,
} from '@system-design/backstage-plugin-patterns-common';
import { useState } from 'react';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { useContentHref, usePatternLink } from '../../hooks/usePatternLink';
import { usePatternsData } from '../../hooks/usePatternsData';
import { AsyncContent } from '../AsyncContent';
import { downloadFile } from './downloadFile';
import { CodeBlock } from '../CodeBlock';

/** What a record is written from, besides the pattern documents it loads. */
export interface DecisionRecordSource {
  tree: DecisionTree;
  states: readonly DecisionState[];
  result: DecisionResult;
  patterns: readonly PatternSummary[];
  /** The entity the decision is for, on an entity page. */
  entity?: { ref: string; title: string };
  /** The patterns the entity already declares. */
  declared?: readonly string[];
}

/** Today as `YYYY-MM-DD`, in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/**
 * The tree with every link of an alternative or exit made absolute (a
 * record lives in a repository, away from the portal) and unsafe ones
 * dropped to `#`.
 */
function withAbsoluteLinks(
  tree: DecisionTree,
  toUrl: (link: string) => string | undefined,
): DecisionTree {
  const fix = <T extends DecisionAlternative>(a: T): T =>
    a.link ? { ...a, link: toUrl(a.link) ?? '#' } : a;
  return {
    ...tree,
    outcomes: Object.fromEntries(
      Object.entries(tree.outcomes).map(([id, outcome]) => [
        id,
        { ...outcome, alternatives: outcome.alternatives.map(fix) },
      ]),
    ),
    exits: Object.fromEntries(
      Object.entries(tree.exits).map(([id, exit]) => [
        id,
        { ...exit, instead: exit.instead.map(fix) },
      ]),
    ),
  };
}

/** The record's Markdown, from the documents' Pros and Cons tables. */
function useDecisionRecord(source: DecisionRecordSource) {
  const { tree, states, result, patterns, entity, declared } = source;
  const patternLink = usePatternLink();
  const contentHref = useContentHref();
  const configApi = useApi(configApiRef);
  const ids = result.patterns.map(p => p.id);
  const documents = usePatternsData(
    api => Promise.all(ids.map(id => api.getPattern(id))),
    [ids.join(',')],
  );
  const baseUrl =
    configApi.getOptionalString('app.baseUrl') ?? window.location.origin;

  let markdown: string | undefined;
  if (documents.value) {
    const known = new Map<
      string,
      { title: string; pros?: string[]; cons?: string[] }
    >(patterns.map(p => [p.id, { title: p.title }]));
    for (const document of documents.value as PatternDocument[]) {
      const section = document.sections.find(s => s.title === 'Pros and Cons');
      known.set(document.id, {
        title: document.title,
        ...prosAndConsOf(section?.markdown ?? ''),
      });
    }
    markdown = decisionRecordMarkdown({
      tree: withAbsoluteLinks(tree, link => {
        const href = contentHref(link);
        return href && new URL(href, baseUrl).href;
      }),
      states,
      result,
      patterns: known,
      patternUrl: id => new URL(patternLink(id), baseUrl).href,
      entity,
      declared,
      date: today(),
    });
  }

  return { ...documents, value: markdown, baseUrl };
}

/** The record's file name, from its title. */
function fileNameOf(markdown: string): string {
  return decisionRecordFileName(/^# (.+)$/m.exec(markdown)?.[1] ?? 'decision');
}

function RecordActions(props: { markdown?: string; onClose: () => void }) {
  const { markdown, onClose } = props;
  const [copied, copy] = useCopyToClipboard();
  return (
    <DialogActions>
      <Typography variant="body2" role="status" style={{ marginRight: 'auto' }}>
        {copied.value ? 'Copied to the clipboard.' : ''}
      </Typography>
      <Button
        disabled={!markdown}
        onClick={() => markdown && copy(markdown)}
        color="primary"
      >
        Copy
      </Button>
      <Button
        disabled={!markdown}
        onClick={() =>
          markdown &&
          downloadFile(markdown, fileNameOf(markdown), 'text/markdown')
        }
        color="primary"
        variant="contained"
      >
        Download
      </Button>
      <Button onClick={onClose}>Close</Button>
    </DialogActions>
  );
}

function RecordBody(props: { markdown: string; baseUrl: string }) {
  const { markdown, baseUrl } = props;
  // The preview opens the portal's own pages in place; the record keeps absolute URLs.
  const origin = new URL(baseUrl).origin;
  const previewHref = (href: string) => {
    if (!isSafeHref(href)) return '';
    return href.startsWith(`${origin}/`) ? href.slice(origin.length) : href;
  };
  const [tab, setTab] = useState(0);
  const frontMatter = FRONT_MATTER.exec(markdown)?.[0] ?? '';
  return (
    <>
      <Typography variant="body2" paragraph>
        An Architecture Decision Record in the MADR format, which the Backstage
        ADR plugin reads. Download saves it as{' '}
        <code>{fileNameOf(markdown)}</code>: put it in the repository&apos;s ADR
        directory, numbered after the last record.
      </Typography>
      <Tabs
        value={tab}
        onChange={(_e, value) => setTab(value)}
        indicatorColor="primary"
        aria-label="Record views"
      >
        <Tab label="Preview" id="adr-tab-preview" aria-controls="adr-panel" />
        <Tab label="Markdown" id="adr-tab-markdown" aria-controls="adr-panel" />
      </Tabs>
      <Box
        id="adr-panel"
        role="tabpanel"
        aria-labelledby={tab === 0 ? 'adr-tab-preview' : 'adr-tab-markdown'}
        mt={2}
      >
        {tab === 0 ? (
          <>
            <Typography variant="caption" color="textSecondary" component="p">
              {frontMatter
                .split('\n')
                .filter(line => line && line !== '---')
                .join(' · ')}
            </Typography>
            <MarkdownContent
              content={markdown.slice(frontMatter.length)}
              transformLinkUri={previewHref}
            />
          </>
        ) : (
          <CodeBlock text={markdown} language="markdown" />
        )}
      </Box>
    </>
  );
}

function RecordContent(props: {
  source: DecisionRecordSource;
  onClose: () => void;
}) {
  const record = useDecisionRecord(props.source);
  return (
    <>
      <DialogContent dividers>
        <AsyncContent state={record}>
          {markdown => (
            <RecordBody markdown={markdown} baseUrl={record.baseUrl} />
          )}
        </AsyncContent>
      </DialogContent>
      <RecordActions markdown={record.value} onClose={props.onClose} />
    </>
  );
}

/**
 * "Record as ADR": the decision as a MADR Markdown record, previewed, to
 * copy or download. The pros and cons come from each chosen pattern's
 * document, loaded when the dialog opens.
 */
export function DecisionRecordDialog(props: {
  open: boolean;
  onClose: () => void;
  source: DecisionRecordSource;
}) {
  const { open, onClose, source } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="decision-record-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="decision-record-title">Record as ADR</DialogTitle>
      {open && <RecordContent source={source} onClose={onClose} />}
    </Dialog>
  );
}
