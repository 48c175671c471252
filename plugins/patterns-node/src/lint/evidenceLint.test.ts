import {
  patternDocumentSource,
  writeContentDirectory,
} from '../testUtils/patternDocumentSource';
import { formatFinding } from './LintFinding';
import { lintContentDirectory } from './lintContent';

const CATEGORIES = 'categories:\n  - { id: resilience, title: Resilience }\n';

async function lintEvidence(evidenceYaml: string) {
  const dir = writeContentDirectory(
    {
      'resilience/circuit-breaker.md': patternDocumentSource('circuit-breaker'),
    },
    { 'categories.yaml': CATEGORIES, 'evidence.yaml': evidenceYaml },
  );
  const findings = await lintContentDirectory(dir, { rules: ['evidence'] });
  return findings
    .map(formatFinding)
    .map(line => line.replace(/^patterns-content-\w+\//, ''));
}

describe('the content lint on evidence.yaml', () => {
  it('finds nothing wrong with good rules', async () => {
    expect(
      await lintEvidence(`rules:
  - id: npm-opossum
    patterns: [circuit-breaker]
    strength: strong
    dependency: { ecosystem: npm, packages: [opossum] }
  - id: istio-outlier-detection
    patterns: [circuit-breaker]
    strength: strong
    manifest: { apiGroups: [networking.istio.io], kinds: [DestinationRule], path: spec.trafficPolicy.outlierDetection }
`),
    ).toEqual([]);
  });

  it('names the file and the rule for loader problems and the lint-only checks', async () => {
    expect(
      await lintEvidence(`rules:
  - id: npm-opossum
    patterns: [circuit-breaker, circuit-braker]
    strength: strong
    dependency: { ecosystem: npm, packages: [opossum] }
  - id: npm-breakers
    patterns: [circuit-breaker]
    strength: weak
    dependency: { ecosystem: npm, packages: [Opossum, brakes] }
  - id: argo
    patterns: [circuit-breaker]
    strength: strong
    manifest: { apiGroups: [argoproj.io/v1alpha1], kinds: [rollout], path: spec.strategy.canary }
`),
    ).toEqual([
      'evidence.yaml: [evidence] evidence rule "npm-opossum" names unknown pattern "circuit-braker"',
      'evidence.yaml: [evidence] evidence rules "npm-opossum" and "npm-breakers" both claim npm package "Opossum"',
      'evidence.yaml: [evidence] evidence rule "argo" names kind "rollout"; Kubernetes kinds are written in PascalCase, e.g. "Deployment"',
      'evidence.yaml: [evidence] evidence rule "argo" names API group "argoproj.io/v1alpha1"; give the group without the version, e.g. "argoproj.io"',
    ]);
  });

  it('reports a rule that does not parse', async () => {
    expect(
      await lintEvidence(
        'rules:\n  - { id: x, patterns: [circuit-breaker], strength: strong }\n',
      ),
    ).toEqual([
      expect.stringMatching(
        /^evidence\.yaml: \[evidence\] rules\.0: a rule needs exactly one of dependency, manifest, catalog, apis$/,
      ),
    ]);
  });
});
