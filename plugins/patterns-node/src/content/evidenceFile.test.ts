import path from 'node:path';
import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { builtInContentDirectory } from './builtInContentDirectory';
import { loadPatternContent } from './loadPatternContent';

const CATEGORIES =
  'categories:\n  - { id: resilience, title: Resilience }\n  - { id: data, title: Data }\n';

function directory(evidenceYaml: string | undefined) {
  return writeContentDirectory(
    {
      'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker'),
      'resilience/retry-with-backoff.md':
        patternDocumentSource('retry-with-backoff'),
      'data/saga.md': patternDocumentSource('saga', {
        frontMatter: { category: 'data' },
      }),
    },
    {
      'categories.yaml': CATEGORIES,
      ...(evidenceYaml === undefined ? {} : { 'evidence.yaml': evidenceYaml }),
    },
  );
}

/** A company directory with only an evidence.yaml, loaded after `base`. */
function company(evidenceYaml: string) {
  return writeContentDirectory({}, { 'evidence.yaml': evidenceYaml });
}

const BASE_RULES = `rules:
  - id: npm-opossum
    patterns: [circuit-breaker]
    strength: strong
    dependency: { ecosystem: npm, packages: [opossum] }
  - id: temporal
    patterns: [saga]
    strength: weak
    dependency: { ecosystem: go, packages: [go.temporal.io/sdk] }
  - id: argo-canary
    patterns: [saga]
    strength: strong
    manifest: { apiGroups: [argoproj.io], kinds: [Rollout], path: spec.strategy.canary }
`;

describe('loadPatternContent: evidence.yaml', () => {
  it('loads the rules, with paths split into keys', async () => {
    const content = await loadPatternContent([directory(BASE_RULES)]);
    expect(content.problems).toEqual([]);
    expect(content.evidence).toEqual([
      {
        id: 'npm-opossum',
        patterns: ['circuit-breaker'],
        strength: 'strong',
        dependency: { ecosystem: 'npm', packages: ['opossum'] },
      },
      {
        id: 'temporal',
        patterns: ['saga'],
        strength: 'weak',
        dependency: { ecosystem: 'go', packages: ['go.temporal.io/sdk'] },
      },
      {
        id: 'argo-canary',
        patterns: ['saga'],
        strength: 'strong',
        manifest: {
          apiGroups: ['argoproj.io'],
          kinds: ['Rollout'],
          path: ['spec', 'strategy', 'canary'],
        },
      },
    ]);
  });

  it('has no rules and no problems without an evidence.yaml', async () => {
    const content = await loadPatternContent([directory(undefined)]);
    expect(content.evidence).toEqual([]);
    expect(content.problems).toEqual([]);
  });

  it('lets a later directory add rules, replace one by id and switch one off', async () => {
    const content = await loadPatternContent([
      directory(BASE_RULES),
      company(`rules:
  - id: npm-opossum
    patterns: [circuit-breaker, retry-with-backoff]
    strength: weak
    dependency: { ecosystem: npm, packages: ['@acme/resilient-http'] }
  - { id: temporal, disabled: true }
  - id: go-retry
    patterns: [retry-with-backoff]
    strength: strong
    dependency: { ecosystem: go, packages: [github.com/cenkalti/backoff] }
`),
    ]);
    expect(content.problems).toEqual([]);
    expect(
      content.evidence.map(
        r => `${r.id} ${r.strength} ${r.patterns.join('+')}`,
      ),
    ).toEqual([
      'npm-opossum weak circuit-breaker+retry-with-backoff',
      'argo-canary strong saga',
      'go-retry strong retry-with-backoff',
    ]);
  });

  it('reports unknown pattern ids like gap rules: dropped, and the rule skipped when none is left', async () => {
    const dir = directory(`rules:
  - id: partly-known
    patterns: [circuit-breaker, circuit-braker]
    strength: strong
    dependency: { ecosystem: npm, packages: [opossum] }
  - id: all-unknown
    patterns: [hedged-requests]
    strength: weak
    dependency: { ecosystem: npm, packages: [hedge] }
`);
    const content = await loadPatternContent([dir]);
    const file = path.join(dir, 'evidence.yaml');
    expect(content.problems).toEqual([
      {
        file,
        message:
          'evidence rule "partly-known" names unknown pattern "circuit-braker"',
      },
      {
        file,
        message:
          'evidence rule "all-unknown" names unknown pattern "hedged-requests"',
      },
      {
        file,
        message:
          'evidence rule "all-unknown" names no known pattern; the rule is skipped',
      },
    ]);
    expect(content.evidence.map(r => [r.id, r.patterns])).toEqual([
      ['partly-known', ['circuit-breaker']],
    ]);
  });

  it('reports a duplicate id, and switching off a rule nobody defined', async () => {
    const dir = directory(`rules:
  - { id: a, patterns: [saga], strength: weak, catalog: { kinds: [API], field: spec.type, values: [asyncapi] } }
  - { id: a, patterns: [saga], strength: strong, catalog: { kinds: [API], field: spec.type, values: [grpc] } }
  - { id: never-defined, disabled: true }
`);
    const content = await loadPatternContent([dir]);
    const file = path.join(dir, 'evidence.yaml');
    expect(content.problems).toEqual([
      { file, message: 'duplicate evidence rule id "a"' },
      {
        file,
        message:
          'evidence rule "never-defined" is disabled but no earlier directory defines it',
      },
    ]);
    expect(content.evidence.map(r => r.strength)).toEqual(['weak']);
  });

  it.each([
    [
      'two signals',
      '{ id: x, patterns: [saga], strength: weak, catalog: { kinds: [API], field: spec.type, values: [grpc] }, apis: { types: [grpc] } }',
      /a rule needs exactly one of dependency, manifest, catalog, apis \(it has catalog, apis\)/,
    ],
    [
      'no signal',
      '{ id: x, patterns: [saga], strength: weak }',
      /a rule needs exactly one of/,
    ],
    [
      'a Maven package without a group',
      '{ id: x, patterns: [saga], strength: weak, dependency: { ecosystem: maven, packages: [resilience4j-retry] } }',
      /"resilience4j-retry" is not a maven package name \(e\.g\. io\.github\.resilience4j:resilience4j-retry\)/,
    ],
    [
      'an unknown ecosystem',
      '{ id: x, patterns: [saga], strength: weak, dependency: { ecosystem: cargo, packages: [tokio] } }',
      /ecosystem/,
    ],
    [
      'equals without a path',
      '{ id: x, patterns: [saga], strength: weak, manifest: { kinds: [Deployment], equals: [RollingUpdate] } }',
      /equals and absent need a path/,
    ],
    [
      'an unknown strength',
      '{ id: x, patterns: [saga], strength: medium, apis: { types: [grpc] } }',
      /strength/,
    ],
    [
      'an unknown field',
      '{ id: x, patterns: [saga], strength: weak, apis: { types: [grpc] }, weight: 3 }',
      /Unrecognized key/,
    ],
  ])('rejects a file with %s, naming it', async (_name, rule, message) => {
    const dir = directory(`rules:\n  - ${rule}\n`);
    const content = await loadPatternContent([dir]);
    expect(content.evidence).toEqual([]);
    expect(content.problems).toEqual([
      {
        file: path.join(dir, 'evidence.yaml'),
        message: expect.stringMatching(message),
      },
    ]);
  });

  it('loads the built-in rules without a problem, each naming known patterns', async () => {
    const content = await loadPatternContent([builtInContentDirectory()]);
    expect(content.problems).toEqual([]);
    expect(content.evidence.length).toBeGreaterThan(100);
    const known = new Set(content.patterns.map(p => p.id));
    for (const rule of content.evidence) {
      for (const id of rule.patterns)
        expect([rule.id, known.has(id)]).toEqual([rule.id, true]);
    }
    const kinds = new Set(
      content.evidence.map(r =>
        r.dependency
          ? `dependency:${r.dependency.ecosystem}`
          : Object.keys(r).find(k =>
              ['manifest', 'catalog', 'apis'].includes(k),
            ),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'apis',
      'catalog',
      'dependency:go',
      'dependency:maven',
      'dependency:npm',
      'dependency:nuget',
      'dependency:pypi',
      'manifest',
    ]);
  });
});
