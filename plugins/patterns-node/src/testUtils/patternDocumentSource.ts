import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { PATTERN_SECTION_TITLES } from '@system-design/backstage-plugin-patterns-common';

const SECTION_BODIES: Record<string, string> = {
  'How It Works':
    'Requests pass through the pattern.\n\n```mermaid\nflowchart LR\n  Client --> Service\n```\n\n### Failure modes\n\nIt can fail.\n\n### What to monitor\n\nErrors.\n',
  'Implementation Example':
    'A minimal implementation.\n\n```ts\nexport const answer: number = 42;\n```\n\n### Testing it\n\nAssert the answer.\n',
};

export interface DocumentOptions {
  frontMatter?: Record<string, unknown>;
  sections?: string[];
  body?: (title: string) => string;
}

/** A pattern document's source text: valid unless the options break it. */
export function patternDocumentSource(
  id: string,
  options: DocumentOptions = {},
): string {
  const frontMatter = {
    id,
    title: id.replace(
      /(^|-)(\w)/g,
      (_m, sep, c) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
    ),
    category: 'resilience',
    bestFor: 'Testing',
    tradeoff: 'Speed vs coverage',
    summary: `The ${id} pattern.`,
    related: [],
    references: ['https://example.com/source'],
    ...options.frontMatter,
  };
  const sections = options.sections ?? [...PATTERN_SECTION_TITLES];
  const body = sections
    .map(
      title =>
        `## ${title}\n\n${
          options.body?.(title) ??
          SECTION_BODIES[title] ??
          `Text about ${title}.\n`
        }`,
    )
    .join('\n');
  return `---\n${stringify(frontMatter)}---\n\n${body}`;
}

const CATEGORIES = `categories:
  - { id: resilience, title: Resilience Patterns, focus: Fault tolerance, description: Handle failures., patterns: [] }
  - { id: data, title: Data Patterns, focus: Consistency, description: Handle data., patterns: [] }
`;

/** Writes a content directory to a temporary folder and returns its path. */
export function writeContentDirectory(
  documents: Record<string, string>,
  extraFiles: Record<string, string> = { 'categories.yaml': CATEGORIES },
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patterns-content-'));
  for (const [relative, text] of Object.entries({
    ...extraFiles,
    ...prefix(documents),
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

function prefix(documents: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(documents).map(([file, text]) => [`patterns/${file}`, text]),
  );
}
