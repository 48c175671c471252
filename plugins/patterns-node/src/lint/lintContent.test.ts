import fs from 'node:fs';
import path from 'node:path';
import { exampleSource } from '../examples/exampleSource';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { factLikeNumbers } from './documentRules';
import { formatFinding, LintFinding, LintRule } from './LintFinding';
import { joinBlocks, lintContentDirectory } from './lintContent';
import { readLintDocument } from './readLintDocuments';

const SOURCE_A = 'https://example.com/case-study-a';
const SOURCE_B = 'https://example.org/case-study-b';
const PROSE = Array.from(
  { length: 72 },
  () =>
    'Engineers weigh this pattern against simpler designs before adopting it.',
).join(' ');

type Related = Array<{ id: string; relation: string }>;

interface GoodOptions {
  category?: string;
  related?: Related;
  references?: string[];
  /** Replace one section's body. */
  sections?: Record<string, string>;
}

const OPERATIONS_HOW =
  '\n### Failure modes\n\nIt fails when the service is slow.\n\n### What to monitor\n\nThe error rate.\n';
const OPERATIONS_EXAMPLE =
  '\n### Testing it\n\nInject a slow response and assert the error.\n';

/** A document that passes every rule unless `options` break it. */
function goodDocument(id: string, options: GoodOptions = {}): string {
  const related = options.related ?? [];
  const bodies: Record<string, string> = {
    Overview: `${PROSE}\n`,
    'How It Works':
      'Calls pass through it.\n\n```mermaid\nsequenceDiagram\n  Client->>Service: request\n  Service-->>Client: response\n```\n',
    'Pros and Cons': '| Pros | Cons |\n| --- | --- |\n| Simple | Slower |\n',
    'Implementation Example': [
      'The class:',
      '',
      '```ts',
      'export class Counter {',
      '  private count = 0;',
      '  next(): number {',
      '    return ++this.count;',
      '  }',
      '}',
      '```',
      '',
      'Its configuration:',
      '',
      '```yaml',
      'counter:',
      '  start: 0',
      '```',
      '',
    ].join('\n'),
    'Real-World Examples': `- [Case A](${SOURCE_A}) uses it.\n- [Case B](${SOURCE_B}) uses it too.\n`,
    'Related Patterns': related.length
      ? `${related
          .map(r => `- [${r.id}](/patterns/${r.id}) — ${r.relation}: why.`)
          .join('\n')}\n`
      : 'None.\n',
    ...options.sections,
  };
  // Every document has its operations subsections, whatever the test puts around them.
  bodies['How It Works'] += OPERATIONS_HOW;
  bodies['Implementation Example'] += OPERATIONS_EXAMPLE;
  return patternDocumentSource(id, {
    frontMatter: {
      category: options.category ?? 'resilience',
      related,
      references: options.references ?? [SOURCE_A, SOURCE_B],
    },
    body: title => bodies[title],
  });
}

async function lint(
  documents: Record<string, string>,
  rules?: LintRule[],
): Promise<{ findings: LintFinding[]; lines: string[] }> {
  const dir = writeContentDirectory(documents);
  const findings = await lintContentDirectory(dir, { rules });
  return { findings, lines: findings.map(formatFinding) };
}

/**
 * Matchers for the formatted findings of one file and rule: each line names
 * the file (relative to the content directory's parent) and the rule.
 */
function only(file: string, rule: LintRule, ...messages: RegExp[]) {
  const prefix = `^patterns-content-\\w+/patterns/${escapeRegExp(
    file,
  )}: \\[${rule}\\] `;
  return messages.map(message =>
    expect.stringMatching(new RegExp(`${prefix}.*${message.source}`)),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('lintContentDirectory', () => {
  it('finds nothing wrong with good documents linked both ways', async () => {
    const { lines } = await lint({
      'resilience/timeout.md': goodDocument('timeout', {
        related: [
          { id: 'retry-with-backoff', relation: 'complements' },
          { id: 'saga', relation: 'enables' },
        ],
      }),
      'resilience/retry-with-backoff.md': goodDocument('retry-with-backoff', {
        related: [{ id: 'timeout', relation: 'complements' }],
      }),
      'data/saga.md': goodDocument('saga', {
        category: 'data',
        related: [{ id: 'timeout', relation: 'builds-on' }],
      }),
    });
    expect(lines).toEqual([]);
  }, 60_000);

  describe('structure rules from the loader', () => {
    it('reports a missing section', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': patternDocumentSource('timeout', {
            sections: ['Overview', 'Why Use It'],
          }),
        },
        ['structure'],
      );
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'structure',
          /missing sections "## When to Use"/,
        ),
      );
    });

    it('reports misordered sections', async () => {
      const { lines } = await lint({
        'resilience/timeout.md': goodDocument('timeout').replace(
          /## When to Use([\s\S]*?)## When NOT to Use/,
          '## When NOT to Use$1## When to Use',
        ),
      });
      expect(lines).toEqual(
        only('resilience/timeout.md', 'structure', /sections out of order/),
      );
    });

    it('reports a missing diagram', async () => {
      const { lines } = await lint({
        'resilience/timeout.md': goodDocument('timeout', {
          sections: { 'How It Works': 'Prose only.\n' },
        }),
      });
      expect(lines).toEqual(
        only('resilience/timeout.md', 'structure', /no ```mermaid diagram/),
      );
    });

    it('reports an unknown category', async () => {
      const { lines } = await lint(
        {
          'astrology/timeout.md': goodDocument('timeout', {
            category: 'astrology',
          }),
        },
        ['unknown-category'],
      );
      expect(lines).toEqual(
        only(
          'astrology/timeout.md',
          'unknown-category',
          /unknown category "astrology"/,
        ),
      );
    });

    it('reports a dangling related id', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout', {
            related: [{ id: 'nope', relation: 'complements' }],
          }),
        },
        ['dangling-related'],
      );
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'dangling-related',
          /"nope" does not exist/,
        ),
      );
    });

    it('reports a duplicate id', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout'),
          'resilience/zz-timeout.md': goodDocument('timeout'),
        },
        ['duplicate-id'],
      );
      expect(lines).toEqual(
        only(
          'resilience/zz-timeout.md',
          'duplicate-id',
          /duplicate id "timeout"/,
        ),
      );
    });
  });

  it('reports a document outside patterns/<category>/<id>.md', async () => {
    const { lines } = await lint({
      'data/time-out.md': goodDocument('timeout'),
    });
    expect(lines).toEqual(
      only(
        'data/time-out.md',
        'layout',
        /belongs at patterns\/resilience\/timeout\.md, not patterns\/data\/time-out\.md/,
      ),
    );
  });

  it('reports format slips: a # heading, no Pros and Cons table, no ts or yaml example', async () => {
    const { lines } = await lint({
      'resilience/timeout.md': goodDocument('timeout', {
        sections: {
          Overview: `# Timeout\n\n${PROSE}\n`,
          'Pros and Cons': '- Simple\n- Slower\n',
          'Implementation Example': '```sh\ncurl -m 2 http://service\n```\n',
        },
      }),
    });
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'format',
        /"# Timeout" is a # heading/,
        /Pros and Cons has no markdown table/,
        /no ```ts or ```yaml block/,
      ),
    );
  });

  describe('one-sided-link', () => {
    it('reports a link the target does not declare back', async () => {
      const { lines } = await lint({
        'resilience/timeout.md': goodDocument('timeout', {
          related: [{ id: 'bulkhead', relation: 'complements' }],
        }),
        'resilience/bulkhead.md': goodDocument('bulkhead'),
      });
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'one-sided-link',
          /"timeout" lists "bulkhead" as complements, but .*bulkhead\.md does not link back; add \{ id: timeout, relation: complements \}/,
        ),
      );
    });

    it('reports a back-link with the wrong inverse relation', async () => {
      const { lines } = await lint(
        {
          'resilience/sidecar.md': goodDocument('sidecar', {
            related: [{ id: 'service-mesh', relation: 'enables' }],
          }),
          'resilience/service-mesh.md': goodDocument('service-mesh', {
            related: [{ id: 'sidecar', relation: 'complements' }],
          }),
        },
        ['one-sided-link'],
      );
      expect(lines).toEqual([
        expect.stringMatching(
          /^\S+\/patterns\/resilience\/service-mesh\.md: \[one-sided-link\] "service-mesh" lists "sidecar" as complements, but \S+sidecar\.md lists "service-mesh" as enables; .* reads complements$/,
        ),
        expect.stringMatching(
          /^\S+\/patterns\/resilience\/sidecar\.md: \[one-sided-link\] "sidecar" lists "service-mesh" as enables, but \S+service-mesh\.md lists "sidecar" as complements; .* reads builds-on$/,
        ),
      ]);
    });
  });

  it('reports prose under the word floor', async () => {
    const { lines } = await lint({
      'resilience/timeout.md': goodDocument('timeout', {
        sections: {
          Overview: 'Short.\n\n```ts\nexport const words = 1000;\n```\n',
        },
      }),
    });
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'word-floor',
        /only \d+ words of prose outside code blocks; at least 700 are needed/,
      ),
    );
  });

  describe('references', () => {
    it('reports numbers in the prose with no references', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout', {
            references: [],
            sections: {
              'Why Use It':
                'It cut p99 latency by 40% and saved 250 ms per call.\n',
              'Real-World Examples': 'None known.\n',
            },
          }),
        },
        ['references'],
      );
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'references',
          /cites numbers \("40%", "250 ms"\) but front matter `references` is empty/,
        ),
      );
    });

    it('accepts no references when the prose cites no numbers', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout', {
            references: [],
            sections: { 'Real-World Examples': 'Over HTTP/2, in 1 service.\n' },
          }),
        },
        ['references'],
      );
      expect(lines).toEqual([]);
    });

    it('reports a real-world source missing from references', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout', {
            references: [SOURCE_A],
          }),
        },
        ['references'],
      );
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'references',
          /Real-World Examples links https:\/\/example\.org\/case-study-b, which front matter `references` does not list/,
        ),
      );
    });

    it('takes numbers with units or of 2 and more as facts', () => {
      expect(
        factLikeNumbers(
          'Retries 3 times, 0.5 s apart, 1 service, HTTP/2, v1.2, S3, `timeout: 30`, [x](https://e.com/99), 10x, 99.9%.',
        ),
      ).toEqual(['3', '0.5 s', '10x', '99.9%']);
    });
  });

  it('reports fewer than two real-world sources', async () => {
    const { lines } = await lint(
      {
        'resilience/timeout.md': goodDocument('timeout', {
          sections: {
            'Real-World Examples': `- [Case A](${SOURCE_A}) and [again](${SOURCE_A}), and [docs](/docs).\n`,
          },
        }),
      },
      ['real-world-sources'],
    );
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'real-world-sources',
        /links 1 public source \(\[text\]\(https:\/\/…\)\); at least 2 are needed/,
      ),
    );
  });

  it('reports a Mermaid diagram that Mermaid rejects, with its line', async () => {
    const document = goodDocument('timeout', {
      sections: {
        'How It Works':
          'Good:\n\n```mermaid\nstateDiagram-v2\n  [*] --> Closed\n  Closed --> Open: failures\n```\n\nBroken:\n\n```mermaid\nflowchart LR\n  A --> B\n  B --> C(]\n  C --> D\n```\n\nUnfinished:\n\n```mermaid\nflowchart TD\n  X -->\n```\n\nUnknown:\n\n```mermaid\nnot-a-diagram\n  A B\n```\n',
      },
    });
    const { lines } = await lint({ 'resilience/timeout.md': document }, [
      'mermaid',
    ]);
    const line = (text: string) => document.split('\n').indexOf(text) + 1;
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'mermaid',
        new RegExp(
          `diagram in How It Works does not parse \\(document line ${line(
            '  B --> C(]',
          )}\\): Parse error on line 3`,
        ),
        new RegExp(
          `diagram in How It Works does not parse \\(document line ${line(
            '  X -->',
          )}\\): Parse error on line 3`,
        ),
        /diagram in How It Works does not parse .*No diagram type detected/,
      ),
    );
  }, 60_000);

  describe('typescript', () => {
    it('reports type errors at their document line', async () => {
      const document = goodDocument('timeout', {
        sections: {
          'Implementation Example':
            '```ts\nexport interface Clock {\n  now(): number;\n}\n```\n\nThen:\n\n```ts\nexport const limit: number = "ten";\nexport const id = randomUUID();\n```\n',
        },
      });
      const { lines } = await lint({ 'resilience/timeout.md': document }, [
        'typescript',
      ]);
      const line = (text: string) => document.split('\n').indexOf(text) + 1;
      expect(lines).toEqual(
        only(
          'resilience/timeout.md',
          'typescript',
          new RegExp(
            `type error at document line ${line(
              'export const limit: number = "ten";',
            )} \\(line 5 of the joined \`\`\`ts blocks\\): TS2322: Type 'string' is not assignable to type 'number'`,
          ),
          new RegExp(
            `type error at document line ${line(
              'export const id = randomUUID();',
            )} .*TS2304: Cannot find name 'randomUUID'`,
          ),
        ),
      );
    }, 60_000);

    it('checks under strict rules with Node and DOM types, each document its own module', async () => {
      const example = (name: string) =>
        goodDocument(name, {
          sections: {
            'Implementation Example': [
              '```ts',
              "import { randomUUID } from 'node:crypto';",
              'export class Ids {',
              '  next(): string {',
              '    return randomUUID();',
              '  }',
              '}',
              'export const controller: AbortController = new AbortController();',
              'export function sum(values: number[]) {',
              '  return values.reduce((a, b) => a + b, 0);',
              '}',
              '```',
            ].join('\n'),
          },
        });
      const { lines } = await lint(
        {
          'resilience/timeout.md': example('timeout'),
          // sorts first and has no ```ts block: errors must still land on the right file
          'resilience/aaa.md': goodDocument('aaa', {
            sections: { 'Implementation Example': '```yaml\na: 1\n```\n' },
          }),
          'resilience/bulkhead.md': example('bulkhead'),
          'resilience/loose.md': goodDocument('loose', {
            sections: {
              'Implementation Example':
                '```ts\nexport function f(x) {\n  return x;\n}\n```\n',
            },
          }),
        },
        ['typescript'],
      );
      expect(lines).toEqual(
        only(
          'resilience/loose.md',
          'typescript',
          /TS7006: Parameter 'x' implicitly has an 'any' type/,
        ),
      );
    }, 60_000);

    it('reports an example that exports nothing', async () => {
      const { lines } = await lint(
        {
          'resilience/timeout.md': goodDocument('timeout', {
            sections: {
              'Implementation Example': '```ts\nconst quiet = 1;\n```\n',
            },
          }),
        },
        ['typescript'],
      );
      expect(lines).toEqual(
        only('resilience/timeout.md', 'typescript', /exports nothing/),
      );
    }, 60_000);

    it('type-checks exactly the module exampleSource builds', () => {
      const dir = writeContentDirectory({
        'resilience/timeout.md': goodDocument('timeout', {
          sections: {
            Overview: `${PROSE}\n\n\`\`\`ts\nexport const first = 1;\n\`\`\`\n`,
            'Implementation Example':
              '```ts\nexport const second = 2;\n```\n\n```typescript\nexport const third = 3;\n```\n',
          },
        }),
      });
      const file = path.join(dir, 'patterns/resilience/timeout.md');
      const document = readLintDocument(file, fs.readFileSync(file, 'utf8'))!;
      const ts = document.codeBlocks.filter(b =>
        ['ts', 'typescript'].includes(b.language),
      );
      const joined = joinBlocks(ts);
      expect(joined.source).toBe(exampleSource(file));
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      expect(lines[joined.documentLine(1) - 1]).toBe('export const first = 1;');
      expect(lines[joined.documentLine(3) - 1]).toBe(
        'export const second = 2;',
      );
      expect(lines[joined.documentLine(5) - 1]).toBe('export const third = 3;');
    });
  });

  it('reports a YAML block that does not parse', async () => {
    const { lines } = await lint(
      {
        'resilience/timeout.md': goodDocument('timeout', {
          sections: {
            'Implementation Example':
              '```yaml\napiVersion: v1\nkind: Service\n---\nspec: [1, 2\n```\n\n```yml\nok: true\n```\n',
          },
        }),
      },
      ['yaml'],
    );
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'yaml',
        /```yaml block at line \d+ does not parse/,
      ),
    );
  });

  it('reports Related Patterns links that differ from the front matter', async () => {
    const { lines } = await lint(
      {
        'resilience/timeout.md': goodDocument('timeout', {
          related: [
            { id: 'bulkhead', relation: 'complements' },
            { id: 'retry-with-backoff', relation: 'complements' },
          ],
          sections: {
            'Related Patterns':
              '- [Bulkhead](/patterns/bulkhead) — complements: why.\n- [Saga](/patterns/saga) — see also.\n',
          },
        }),
      },
      ['section-links'],
    );
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'section-links',
        /has no link to \/patterns\/retry-with-backoff \(front matter relates it as complements\)/,
        /links \/patterns\/saga, which front matter `related` does not list/,
      ),
    );
  });
});

describe('lintContentDirectory on links and operations', () => {
  it('rejects a javascript: or data: link and a reference that is not https', async () => {
    const { lines } = await lint({
      'resilience/timeout.md': goodDocument('timeout', {
        // eslint-disable-next-line no-script-url
        references: [SOURCE_A, SOURCE_B, 'javascript:alert(1)'],
        sections: {
          Overview: `${PROSE}\n\nSee [this](javascript:alert(document.cookie)) and [that](data:text/html,hi).\n`,
        },
      }),
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        ...only(
          'resilience/timeout.md',
          'references',
          /reference "javascript:alert\(1\)" is not an https URL/,
        ),
        ...only(
          'resilience/timeout.md',
          'unsafe-link',
          /link "javascript:alert\(document.cookie"/,
        ),
        ...only(
          'resilience/timeout.md',
          'unsafe-link',
          /link "data:text\/html,hi"/,
        ),
      ]),
    );
  }, 60_000);

  it('names each missing operations subsection', async () => {
    const source = goodDocument('timeout').replace(
      '### What to monitor',
      '### Monitoring',
    );
    const { lines } = await lint({ 'resilience/timeout.md': source }, [
      'operations',
    ]);
    expect(lines).toEqual(
      only(
        'resilience/timeout.md',
        'operations',
        /section "## How It Works" has no "### What to monitor" subsection/,
      ),
    );
  });
});
