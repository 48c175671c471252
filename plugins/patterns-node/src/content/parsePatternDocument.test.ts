import { PATTERN_SECTION_TITLES } from '@system-design/backstage-plugin-patterns-common';
import { patternDocumentSource } from '../testUtils/patternDocumentSource';
import { parsePatternDocument } from './parsePatternDocument';

const FILE = 'content/patterns/resilience/timeout.md';

function parseError(source: string): string {
  try {
    parsePatternDocument(source, FILE);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the document to be rejected');
}

describe('parsePatternDocument', () => {
  it('parses front matter and the nine sections into the model', () => {
    const doc = parsePatternDocument(
      patternDocumentSource('timeout', {
        frontMatter: {
          aliases: ['Deadline'],
          related: [{ id: 'retry-with-backoff', relation: 'complements' }],
        },
      }),
      FILE,
    );
    expect(doc).toMatchObject({
      id: 'timeout',
      title: 'Timeout',
      category: 'resilience',
      bestFor: 'Testing',
      tradeoff: 'Speed vs coverage',
      aliases: ['deadline'],
      related: [{ id: 'retry-with-backoff', relation: 'complements' }],
      references: ['https://example.com/source'],
    });
    expect(doc.sections.map(s => s.title)).toEqual([...PATTERN_SECTION_TITLES]);
    expect(doc.sections.map(s => s.id)).toContain('when-not-to-use');
    const howItWorks = doc.sections[4];
    expect(howItWorks.blocks).toEqual([
      { type: 'markdown', text: 'Requests pass through the pattern.' },
      { type: 'mermaid', text: 'flowchart LR\n  Client --> Service' },
      {
        type: 'markdown',
        text: '### Failure modes\n\nIt can fail.\n\n### What to monitor\n\nErrors.',
      },
    ]);
    expect(doc.sections[6].blocks[1]).toEqual({
      type: 'code',
      language: 'ts',
      text: 'export const answer: number = 42;',
    });
  });

  it('names the file and the missing section', () => {
    const source = patternDocumentSource('timeout', {
      sections: PATTERN_SECTION_TITLES.filter(t => t !== 'When NOT to Use'),
    });
    expect(parseError(source)).toBe(
      `${FILE}: missing section "## When NOT to Use"`,
    );
  });

  it('names a misordered section', () => {
    const sections = [...PATTERN_SECTION_TITLES];
    [sections[2], sections[3]] = [sections[3], sections[2]];
    expect(parseError(patternDocumentSource('timeout', { sections }))).toMatch(
      /sections out of order: "## When NOT to Use" is at position 3 where "## When to Use" belongs/,
    );
  });

  it('rejects an unexpected ## heading', () => {
    const sections = [...PATTERN_SECTION_TITLES, 'Further Reading'];
    expect(parseError(patternDocumentSource('timeout', { sections }))).toMatch(
      /unexpected section "## Further Reading"/,
    );
  });

  it('requires a Mermaid diagram in How It Works', () => {
    const source = patternDocumentSource('timeout', {
      body: title => (title === 'How It Works' ? 'Prose only.\n' : undefined!),
    });
    expect(parseError(source)).toBe(
      `${FILE}: section "How It Works" has no \`\`\`mermaid diagram`,
    );
  });

  it('requires code in Implementation Example', () => {
    const source = patternDocumentSource('timeout', {
      body: title =>
        title === 'Implementation Example' ? 'No code here.\n' : undefined!,
    });
    expect(parseError(source)).toBe(
      `${FILE}: section "Implementation Example" has no code block`,
    );
  });

  it('names invalid front matter fields', () => {
    const source = patternDocumentSource('Bad Id', {
      frontMatter: {
        bestFor: '',
        related: [{ id: 'saga', relation: 'likes' }],
      },
    });
    const message = parseError(source);
    expect(message).toContain(`${FILE}: invalid front matter:`);
    expect(message).toContain('id: must be lower-case letters and digits');
    expect(message).toContain('bestFor:');
    expect(message).toContain('related.0.relation:');
  });

  it('rejects a file without front matter', () => {
    expect(parseError('## Overview\n')).toBe(
      `${FILE}: no YAML front matter: the file must start with ---`,
    );
  });
});
