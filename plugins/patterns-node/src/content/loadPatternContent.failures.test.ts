import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { loadPatternContent } from './loadPatternContent';

function fsError(code: string, syscall: string, file: string) {
  return Object.assign(new Error(`${code}: ${syscall} '${file}'`), {
    code,
    syscall,
    path: file,
  });
}

const builtIn = () =>
  writeContentDirectory({
    'resilience/timeout.md': patternDocumentSource('timeout'),
  });

afterEach(() => jest.restoreAllMocks());

describe('loadPatternContent when the file system refuses', () => {
  it('names a configured directory that does not exist, and serves the others', async () => {
    const missing = path.join(builtIn(), 'no-such-dir');
    const content = await loadPatternContent([builtIn(), missing]);
    expect(content.patterns.map(p => p.id)).toEqual(['timeout']);
    expect(content.problems).toEqual([
      { file: missing, message: expect.stringMatching(/does not exist/) },
    ]);
    expect(content.unreadable).toEqual([]);
  });

  it('reports a path that is a file (ENOTDIR) and keeps the built-in content', async () => {
    const dir = builtIn();
    const file = path.join(dir, 'categories.yaml');
    const underFile = path.join(file, 'company');
    const content = await loadPatternContent([dir, file, underFile]);
    expect(content.patterns.map(p => p.id)).toEqual(['timeout']);
    expect(content.problems.map(p => p.file)).toEqual([file, underFile]);
    expect(content.problems[0].message).toMatch(/not a directory/);
    expect(content.problems[1].message).toMatch(/ENOTDIR/);
    expect(content.unreadable).toEqual([file, underFile]);
  });

  it.each(['EACCES', 'EMFILE'])(
    'reports %s while reading a company directory and keeps the rest',
    async code => {
      const dir = builtIn();
      const company = writeContentDirectory({
        'data/saga.md': patternDocumentSource('saga', {
          frontMatter: { category: 'data' },
        }),
      });
      const readFile = fsp.readFile;
      jest.spyOn(fsp, 'readFile').mockImplementation((async (
        file: any,
        ...rest: any[]
      ) => {
        if (String(file).startsWith(company))
          throw fsError(code, 'open', String(file));
        return (readFile as any)(file, ...rest);
      }) as any);

      const content = await loadPatternContent([dir, company]);
      expect(content.patterns.map(p => p.id)).toEqual(['timeout']);
      expect(content.unreadable).toEqual([company]);
      expect(content.problems).toEqual([
        { file: company, message: expect.stringContaining(code) },
      ]);
    },
  );

  it('drops an alias equal to another pattern’s id, so the id keeps meaning its own pattern', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout'),
      'resilience/bulkhead.md': patternDocumentSource('bulkhead', {
        frontMatter: { aliases: ['timeout', 'pools'] },
      }),
      'resilience/retry.md': patternDocumentSource('retry', {
        frontMatter: { aliases: ['pools'] },
      }),
    });
    const content = await loadPatternContent([dir]);
    const aliases = Object.fromEntries(
      content.patterns.map(p => [p.id, p.aliases]),
    );
    expect(aliases).toEqual({ bulkhead: ['pools'], retry: [], timeout: [] });
    expect(content.problems.map(p => p.message)).toEqual([
      'alias "timeout" is the id of another pattern; the alias is ignored',
      'alias "pools" is already an alias of "bulkhead"; the alias is ignored',
    ]);
  });

  it('drops a javascript: or data: reference and says so', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout', {
        frontMatter: {
          references: [
            'https://example.com/ok',
            // eslint-disable-next-line no-script-url
            'javascript:alert(1)',
            'data:text/html,<script>alert(1)</script>',
          ],
        },
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns[0].references).toEqual(['https://example.com/ok']);
    expect(content.problems).toHaveLength(2);
  });

  it('rejects a multi-word alias: it could never match one annotation token', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout', {
        frontMatter: { aliases: ['idempotency-key header'] },
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns).toEqual([]);
    expect(content.problems[0].message).toMatch(
      /aliases\.0: must be lower-case/,
    );
  });
});

describe('loadPatternContent with a broken company decision tree', () => {
  const tree = `start: { text: Start, next: q1 }
questions:
  q1:
    text: Which?
    answers:
      - { label: Timeouts, next: timeout }
outcomes:
  timeout: { patterns: [timeout], why: Bounded waits. }
`;

  it('drops a dangling answer and a cycle, logs both, and keeps the rest walkable', async () => {
    const dir = writeContentDirectory(
      { 'resilience/timeout.md': patternDocumentSource('timeout') },
      {
        'categories.yaml':
          'categories:\n  - { id: resilience, title: Resilience }\n',
        'decision-tree.yaml': tree,
      },
    );
    const company = writeContentDirectory(
      {},
      {
        'decision-tree.yaml': `questions:
  q1:
    text: Which?
    answers:
      - { label: Timeouts, next: timeout }
      - { label: Ours, next: q2 }
      - { label: Broken, next: no-such-node }
  q2:
    text: Loop?
    answers:
      - { label: Again, next: q1 }
      - { label: Timeouts, next: timeout }
`,
      },
    );
    const content = await loadPatternContent([dir, company]);
    expect(
      content.decisionTree!.questions.q1.answers.map(a => a.label),
    ).toEqual(['Timeouts', 'Ours']);
    expect(
      content.decisionTree!.questions.q2.answers.map(a => a.label),
    ).toEqual(['Timeouts']);
    expect(content.problems.map(p => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'dropped question "q2", answer "Again": leads back to "q1"',
        ),
        expect.stringContaining(
          'dropped question "q1", answer "Broken": leads to unknown node "no-such-node"',
        ),
      ]),
    );
  });

  it('serves the built-in tree when the company tree leaves nothing at the start', async () => {
    const dir = writeContentDirectory(
      { 'resilience/timeout.md': patternDocumentSource('timeout') },
      {
        'categories.yaml':
          'categories:\n  - { id: resilience, title: Resilience }\n',
        'decision-tree.yaml': tree,
      },
    );
    const company = writeContentDirectory(
      {},
      { 'decision-tree.yaml': 'start: { text: Ours, next: nowhere }\n' },
    );
    const content = await loadPatternContent([dir, company]);
    expect(content.decisionTree!.start.next).toBe('q1');
    expect(content.problems.map(p => p.message)).toContain(
      'decision tree: nothing usable is left at the start; the first directory’s tree is served instead',
    );
  });
});

describe('the fixture helpers', () => {
  it('write real directories', () => {
    expect(fs.existsSync(builtIn())).toBe(true);
  });
});
