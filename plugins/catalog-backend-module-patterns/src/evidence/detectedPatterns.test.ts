import {
  detectedPatternsFromEntity,
  PATTERN_EVIDENCE_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { Finding } from './compileRules';
import {
  fitAnnotation,
  MAX_ANNOTATION_CHARS,
  MAX_EVIDENCE_PER_PATTERN,
  toDetectedPatterns,
} from './detectedPatterns';

const finding = (
  patternId: string,
  rule: string,
  strength: 'strong' | 'weak',
  detail = rule,
): Finding => ({
  patternId,
  evidence: { rule, source: 'package.json', detail, strength },
});

describe('toDetectedPatterns', () => {
  it('groups by pattern, drops duplicates and unknown ids, strongest first', () => {
    const detected = toDetectedPatterns(
      [
        finding('saga', 'temporal', 'weak'),
        finding('circuit-breaker', 'cockatiel', 'weak'),
        finding('circuit-breaker', 'opossum', 'strong'),
        finding('circuit-breaker', 'opossum', 'strong'),
        finding('retry-with-backoff', 'p-retry', 'strong'),
        finding('made-up', 'x', 'strong'),
      ],
      new Set(['saga', 'circuit-breaker', 'retry-with-backoff']),
    );
    expect(detected.map(d => [d.id, d.evidence.map(e => e.rule)])).toEqual([
      ['circuit-breaker', ['opossum', 'cockatiel']],
      ['retry-with-backoff', ['p-retry']],
      ['saga', ['temporal']],
    ]);
  });

  it('keeps at most MAX_EVIDENCE_PER_PATTERN items, strong ones first', () => {
    const findings = [
      ...Array.from({ length: 8 }, (_, i) =>
        finding('grpc', `weak-${i}`, 'weak'),
      ),
      finding('grpc', 'z-strong', 'strong'),
    ];
    const [grpc] = toDetectedPatterns(findings, new Set(['grpc']));
    expect(grpc.evidence).toHaveLength(MAX_EVIDENCE_PER_PATTERN);
    expect(grpc.evidence[0].rule).toBe('z-strong');
  });
});

describe('fitAnnotation', () => {
  it('keeps the annotation bounded and the relations in step with it', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `pattern-${i}`);
    const findings = ids.flatMap(id =>
      Array.from({ length: 5 }, (_, i) =>
        finding(id, `rule-${i}`, 'strong', 'x'.repeat(400)),
      ),
    );
    const { detected, value } = fitAnnotation(
      toDetectedPatterns(findings, new Set(ids)),
    );
    expect(value.length).toBeLessThanOrEqual(MAX_ANNOTATION_CHARS);
    const entity = {
      apiVersion: 'v1',
      kind: 'Component',
      metadata: {
        name: 'x',
        annotations: { [PATTERN_EVIDENCE_ANNOTATION]: value },
      },
    };
    expect(detectedPatternsFromEntity(entity)).toEqual(detected);
    expect(detected.length).toBeGreaterThan(0);
  });
});
