import { Entity } from '@backstage/catalog-model';
import {
  boundEvidenceWarnings,
  evidenceWarningsFromStatus,
  evidenceWarningStatusItem,
  MAX_EVIDENCE_WARNINGS,
} from './evidenceStatus';
import {
  detectedPatternsAnnotation,
  detectedPatternsFromEntity,
} from './detectedPatterns';
import { PATTERN_EVIDENCE_ANNOTATION } from '../constants';

const entity = (extra: Partial<Entity> & { status?: unknown } = {}): Entity =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout' },
    ...extra,
  } as Entity);

describe('evidence warnings on the entity status', () => {
  it('round-trips through a warning status item', () => {
    const warning = {
      kind: 'malformed' as const,
      file: 'package.json',
      message: 'package.json is broken',
    };
    const item = evidenceWarningStatusItem(warning);
    expect(item).toMatchObject({
      type: 'system-design/pattern-evidence',
      level: 'warning',
      message: 'Pattern evidence: package.json is broken',
    });
    expect(
      evidenceWarningsFromStatus(
        entity({
          status: {
            items: [
              item,
              item,
              {
                type: 'backstage.io/catalog-processing',
                level: 'error',
                message: 'other',
              },
              {
                type: 'system-design/pattern-evidence',
                level: 'warning',
                message: 'no data',
                error: { name: 'x', message: 'y' },
              },
            ],
          },
        } as never),
      ),
    ).toEqual([warning]);
    expect(evidenceWarningsFromStatus(entity())).toEqual([]);
  });

  it('bounds the warnings, summing up the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      kind: 'binary' as const,
      message: `w${i}`,
    }));
    const bounded = boundEvidenceWarnings(many);
    expect(bounded).toHaveLength(MAX_EVIDENCE_WARNINGS);
    expect(bounded.at(-1)).toEqual({
      kind: 'more',
      message: '…and 16 more evidence warnings.',
    });
    expect(boundEvidenceWarnings(many.slice(0, 3))).toEqual(many.slice(0, 3));
  });
});

describe('the evidence annotation', () => {
  it('round-trips, and reads anything unexpected as no evidence', () => {
    const detected = [
      {
        id: 'circuit-breaker',
        evidence: [
          {
            rule: 'npm-opossum',
            source: 'package.json',
            detail: 'opossum@8',
            strength: 'strong' as const,
          },
        ],
      },
    ];
    const annotated = (value: string) =>
      entity({
        metadata: {
          name: 'x',
          annotations: { [PATTERN_EVIDENCE_ANNOTATION]: value },
        },
      });
    expect(
      detectedPatternsFromEntity(
        annotated(detectedPatternsAnnotation(detected)),
      ),
    ).toEqual(detected);
    for (const junk of [
      '',
      'not json',
      '{}',
      '[{"id":"Not An Id","evidence":[]}]',
      '[{"id":"x","evidence":[{"strength":"medium"}]}]',
    ]) {
      expect(detectedPatternsFromEntity(annotated(junk))).toEqual([]);
    }
  });
});
