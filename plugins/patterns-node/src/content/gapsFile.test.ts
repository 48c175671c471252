import path from 'node:path';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { builtInContentDirectory } from './builtInContentDirectory';
import { loadPatternContent } from './loadPatternContent';

const CATEGORIES =
  'categories:\n  - { id: resilience, title: Resilience }\n  - { id: data, title: Data }\n';

function directoryWithGaps(gapsYaml: string | undefined) {
  return writeContentDirectory(
    {
      'resilience/timeout.md': patternDocumentSource('timeout'),
      'resilience/retry-with-backoff.md':
        patternDocumentSource('retry-with-backoff'),
      'data/saga.md': patternDocumentSource('saga', {
        frontMatter: { category: 'data' },
      }),
    },
    {
      'categories.yaml': CATEGORIES,
      ...(gapsYaml === undefined ? {} : { 'gaps.yaml': gapsYaml }),
    },
  );
}

const RETRY_RULE = `
  - id: retry-without-timeout
    uses: [retry-with-backoff]
    unlessAny: [timeout]
    message: Retries need a timeout.
    suggest: [timeout]
`;

describe('loadPatternContent: gaps.yaml', () => {
  it('loads gap rules with defaults', async () => {
    const content = await loadPatternContent([
      directoryWithGaps(`gaps:${RETRY_RULE}
  - id: two-phase-commit
    severity: info
    uses: [saga]
    message: Always.
`),
    ]);
    expect(content.problems).toEqual([]);
    expect(content.gaps).toEqual([
      {
        id: 'retry-without-timeout',
        severity: 'warning',
        uses: ['retry-with-backoff'],
        unlessAny: ['timeout'],
        message: 'Retries need a timeout.',
        suggest: ['timeout'],
      },
      {
        id: 'two-phase-commit',
        severity: 'info',
        uses: ['saga'],
        unlessAny: [],
        message: 'Always.',
        suggest: [],
      },
    ]);
  });

  it('has no rules and no problems without a gaps.yaml', async () => {
    const content = await loadPatternContent([directoryWithGaps(undefined)]);
    expect(content.gaps).toEqual([]);
    expect(content.problems).toEqual([]);
  });

  it('reports unknown pattern ids: skips the rule for uses, drops the id elsewhere', async () => {
    const dir = directoryWithGaps(`gaps:
  - id: typo-in-uses
    uses: [retry-with-backof]
    message: Never fires.
  - id: typo-elsewhere
    uses: [saga]
    unlessAny: [outbox, timeout]
    message: Saga needs an outbox.
    suggest: [outbox]
`);
    const content = await loadPatternContent([dir]);
    const file = path.join(dir, 'gaps.yaml');
    expect(content.problems).toEqual([
      {
        file,
        message:
          'gap rule "typo-in-uses" uses unknown pattern "retry-with-backof"; the rule is skipped',
      },
      {
        file,
        message:
          'gap rule "typo-elsewhere" unlessAny names unknown pattern "outbox"',
      },
      {
        file,
        message:
          'gap rule "typo-elsewhere" suggest names unknown pattern "outbox"',
      },
    ]);
    expect(content.gaps).toEqual([
      expect.objectContaining({
        id: 'typo-elsewhere',
        unlessAny: ['timeout'],
        suggest: [],
      }),
    ]);
  });

  it('rejects a file that does not match the schema, naming the field', async () => {
    const dir = directoryWithGaps(`gaps:
  - id: no-uses
    message: Missing uses.
`);
    const content = await loadPatternContent([dir]);
    expect(content.gaps).toEqual([]);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'gaps.yaml'),
        message: expect.stringContaining('gaps.0.uses'),
      },
    ]);
  });

  it('reports a duplicate rule id within one file and keeps the first', async () => {
    const dir = directoryWithGaps(
      `gaps:${RETRY_RULE}${RETRY_RULE.replace(
        'Retries need a timeout.',
        'Second.',
      )}`,
    );
    const content = await loadPatternContent([dir]);
    expect(content.gaps.map(g => g.message)).toEqual([
      'Retries need a timeout.',
    ]);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'gaps.yaml'),
        message: 'duplicate gap rule id "retry-without-timeout"',
      },
    ]);
  });

  it('lets a later directory override a rule by id, disable one and add one', async () => {
    const builtIn = directoryWithGaps(`gaps:${RETRY_RULE}
  - id: saga-without-outbox
    uses: [saga]
    message: Built-in.
`);
    const company = writeContentDirectory(
      {},
      {
        'gaps.yaml': `gaps:
  - id: saga-without-outbox
    uses: [saga]
    message: ignored
    disabled: true
  - id: retry-without-timeout
    uses: [retry-with-backoff]
    unlessAny: [timeout]
    message: ACME retries need a 2 s timeout.
  - id: acme-saga-rule
    severity: info
    uses: [saga]
    message: Register sagas with the ACME orchestrator.
`,
      },
    );
    const content = await loadPatternContent([builtIn, company]);
    expect(content.problems).toEqual([]);
    expect(content.gaps.map(g => [g.id, g.message])).toEqual([
      ['retry-without-timeout', 'ACME retries need a 2 s timeout.'],
      ['acme-saga-rule', 'Register sagas with the ACME orchestrator.'],
    ]);
  });

  it('loads the built-in gaps.yaml without problems', async () => {
    const content = await loadPatternContent([builtInContentDirectory()]);
    expect(content.problems.filter(p => p.file.endsWith('gaps.yaml'))).toEqual(
      [],
    );
    const ids = content.gaps.map(g => g.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'retry-without-timeout',
        'retry-without-circuit-breaker',
        'circuit-breaker-without-timeout',
        'saga-without-outbox',
        'two-phase-commit-across-services',
      ]),
    );
    const twoPhase = content.gaps.find(
      g => g.id === 'two-phase-commit-across-services',
    );
    expect(twoPhase).toEqual(
      expect.objectContaining({
        unlessAny: [],
        suggest: expect.arrayContaining(['saga']),
      }),
    );
    expect(
      content.gaps.find(g => g.id === 'saga-without-outbox')?.message,
    ).toMatch(/idempotent/);
  });
});
