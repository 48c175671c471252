import path from 'node:path';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { loadPatternContent } from './loadPatternContent';

describe('loadPatternContent', () => {
  it('loads documents, categories and scenarios', async () => {
    const dir = writeContentDirectory(
      {
        'resilience/timeout.md': patternDocumentSource('timeout', {
          frontMatter: { related: [{ id: 'saga', relation: 'complements' }] },
        }),
        'data/saga.md': patternDocumentSource('saga', {
          frontMatter: {
            category: 'data',
            related: [{ id: 'timeout', relation: 'complements' }],
          },
        }),
      },
      {
        'categories.yaml':
          'categories:\n  - { id: resilience, title: Resilience, patterns: [timeout] }\n  - { id: data, title: Data }\n',
        'scenarios.yaml':
          'scenarios:\n  - { scenario: Checkout, patterns: [saga, timeout] }\n',
      },
    );
    const content = await loadPatternContent([dir]);
    expect(content.problems).toEqual([]);
    expect(content.patterns.map(p => p.id).sort()).toEqual(['saga', 'timeout']);
    expect(content.categories).toEqual([
      expect.objectContaining({ id: 'resilience', patterns: ['timeout'] }),
      expect.objectContaining({ id: 'data', patterns: ['saga'] }),
    ]);
    expect(content.scenarios).toEqual([
      { scenario: 'Checkout', patterns: ['saga', 'timeout'] },
    ]);
  });

  it('skips a broken document, names it, and serves the rest', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout'),
      'resilience/broken.md': patternDocumentSource('broken', {
        sections: ['Overview'],
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns.map(p => p.id)).toEqual(['timeout']);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'patterns/resilience/broken.md'),
        message: expect.stringMatching(/^missing sections "## Why Use It"/),
      },
    ]);
  });

  it('rejects an id that is one of the plugin pages, such as "wizard"', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout'),
      'resilience/wizard.md': patternDocumentSource('wizard'),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns.map(p => p.id)).toEqual(['timeout']);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'patterns/resilience/wizard.md'),
        message: expect.stringContaining(
          '"wizard" is reserved for the page /patterns/wizard',
        ),
      },
    ]);
  });

  it('rejects an unknown category', async () => {
    const dir = writeContentDirectory({
      'x/odd.md': patternDocumentSource('odd', {
        frontMatter: { category: 'astrology' },
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns).toEqual([]);
    expect(content.problems[0].message).toBe(
      'unknown category "astrology" (known: resilience, data)',
    );
  });

  it('reports and drops a dangling related id', async () => {
    const dir = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout', {
        frontMatter: { related: [{ id: 'nope', relation: 'complements' }] },
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns[0].related).toEqual([]);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'patterns/resilience/timeout.md'),
        message: 'related pattern "nope" does not exist',
      },
    ]);
  });

  it('reports a duplicate id within one directory', async () => {
    const dir = writeContentDirectory({
      'resilience/a.md': patternDocumentSource('timeout'),
      'resilience/b.md': patternDocumentSource('timeout', {
        frontMatter: { title: 'Second' },
      }),
    });
    const content = await loadPatternContent([dir]);
    expect(content.patterns).toHaveLength(1);
    expect(content.patterns[0].title).toBe('Timeout');
    expect(content.problems[0]).toEqual({
      file: path.join(dir, 'patterns/resilience/b.md'),
      message: `duplicate id "timeout", already defined in ${path.join(
        dir,
        'patterns/resilience/a.md',
      )}`,
    });
  });

  it('lets a later directory override a built-in id and add patterns', async () => {
    const builtIn = writeContentDirectory({
      'resilience/timeout.md': patternDocumentSource('timeout'),
    });
    const company = writeContentDirectory(
      {
        'timeout.md': patternDocumentSource('timeout', {
          frontMatter: { title: 'Timeout (ACME standard)' },
        }),
        'cell.md': patternDocumentSource('cell-based-architecture', {
          frontMatter: { category: 'platform' },
        }),
      },
      {
        'categories.yaml':
          'categories:\n  - { id: platform, title: ACME Platform Patterns }\n',
      },
    );
    const content = await loadPatternContent([builtIn, company]);
    expect(content.problems).toEqual([]);
    const byId = Object.fromEntries(content.patterns.map(p => [p.id, p]));
    expect(byId.timeout.title).toBe('Timeout (ACME standard)');
    expect(byId['cell-based-architecture'].category).toBe('platform');
    expect(content.categories.map(c => c.id)).toEqual([
      'resilience',
      'data',
      'platform',
    ]);
  });
});
