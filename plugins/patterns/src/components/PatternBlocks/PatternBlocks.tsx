import { MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  PatternBlock,
  isSafeHref,
} from '@system-design/backstage-plugin-patterns-common';
import { lazy, Suspense } from 'react';
import { Progress } from '@backstage/core-components';
import { patternRouteRef } from '../../routes';
import { CodeBlock } from '../CodeBlock';

const MermaidDiagram = lazy(() =>
  import('../MermaidDiagram').then(m => ({ default: m.MermaidDiagram })),
);

/** Languages as the content writes them → as the highlighter names them. */
const LANGUAGES: Record<string, string> = {
  ts: 'typescript',
  js: 'javascript',
  yml: 'yaml',
  proto: 'protobuf',
  sh: 'bash',
  shell: 'bash',
};

/** Renders a section: prose as markdown, diagrams as SVG, code highlighted. */
export function PatternBlocks(props: {
  blocks: PatternBlock[];
  label: string;
}) {
  const { blocks, label } = props;
  const patternLink = useRouteRef(patternRouteRef);
  // Content links to /patterns/<id>; follow the plugin wherever it is mounted.
  const transformLinkUri = (href: string) => {
    const match = /^\/patterns\/([a-z0-9-]+)(#.*)?$/.exec(href);
    if (match) return `${patternLink({ id: match[1] })}${match[2] ?? ''}`;
    return isSafeHref(href) ? href : '';
  };

  return (
    <>
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case 'markdown':
            return (
              <MarkdownContent
                key={key}
                content={block.text}
                transformLinkUri={transformLinkUri}
              />
            );
          case 'mermaid':
            return (
              <Suspense key={key} fallback={<Progress />}>
                <MermaidDiagram code={block.text} label={`${label} diagram`} />
              </Suspense>
            );
          default:
            return (
              <Box key={key} my={2}>
                <CodeBlock
                  text={block.text}
                  language={LANGUAGES[block.language] ?? block.language}
                  showCopyCodeButton
                />
              </Box>
            );
        }
      })}
    </>
  );
}
