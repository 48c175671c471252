import {
  annotationProblemsFromStatus,
  annotationProblemStatusItem,
} from './annotationStatus';
import { createPatternIdIndex } from './patternIdIndex';
import {
  mergePatternAnnotation,
  resolveEntityPatterns,
  resolvePatternAnnotation,
} from './resolvePatternAnnotation';

const index = createPatternIdIndex([
  { id: 'backend-for-frontend', aliases: ['bff'] },
  { id: 'retry-with-backoff', aliases: ['retry'] },
  { id: 'circuit-breaker', aliases: ['breaker', 'retry-with-backoff'] },
  { id: 'timeout', aliases: ['breaker'] },
]);

describe('resolvePatternAnnotation', () => {
  it('resolves aliases, case and entity refs to canonical ids, once each', () => {
    const resolved = resolvePatternAnnotation(
      'BFF, backend-for-frontend pattern:default/Retry\ncircuit-breaker',
      index,
    );
    expect(resolved.ids).toEqual([
      'backend-for-frontend',
      'retry-with-backoff',
      'circuit-breaker',
    ]);
    expect(resolved.problems.map(p => p.kind)).toEqual([]);
  });

  it('never lets an alias shadow another pattern id, and the first claim of an alias wins', () => {
    expect(resolvePatternAnnotation('retry-with-backoff', index).ids).toEqual([
      'retry-with-backoff',
    ]);
    expect(resolvePatternAnnotation('breaker', index).ids).toEqual([
      'circuit-breaker',
    ]);
  });

  it('reports ids joined by the wrong separator, saying how to fix them', () => {
    const resolved = resolvePatternAnnotation('bff;retry', index);
    expect(resolved.ids).toEqual([]);
    expect(resolved.problems).toEqual([
      {
        kind: 'separator',
        token: 'bff;retry',
        message:
          '"bff;retry" is not a pattern id: separate pattern ids with commas or spaces, e.g. "bff, retry".',
      },
    ]);
  });

  it('suggests the closest id for a typo and corrects the value in place', () => {
    const resolved = resolvePatternAnnotation('bff, circuit-braker', index);
    expect(resolved.problems).toEqual([
      {
        kind: 'unknown-id',
        token: 'circuit-braker',
        message:
          'Unknown pattern id "circuit-braker" — did you mean circuit-breaker?',
        suggestion: 'circuit-breaker',
      },
    ]);
    expect(resolved.corrected).toBe('backend-for-frontend, circuit-breaker');
  });

  it('tells absent, non-string and over-long values apart', () => {
    expect(resolvePatternAnnotation(undefined, index)).toMatchObject({
      present: false,
      ids: [],
    });
    expect(resolvePatternAnnotation(42, index).problems[0].kind).toBe(
      'not-a-string',
    );
    expect(
      resolvePatternAnnotation('a,'.repeat(1500), index).problems[0].kind,
    ).toBe('too-long');
  });

  it('reads the annotation of an entity', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'web-bff',
        annotations: { 'system-design/patterns': 'bff' },
      },
    };
    expect(resolveEntityPatterns(entity, index).ids).toEqual([
      'backend-for-frontend',
    ]);
  });
});

describe('mergePatternAnnotation', () => {
  it('does not declare an alias a second time under its id', () => {
    expect(mergePatternAnnotation('bff', ['backend-for-frontend'], index)).toBe(
      'backend-for-frontend',
    );
  });

  it('keeps unknown tokens as written and appends what is missing', () => {
    expect(
      mergePatternAnnotation(
        'typo-here, retry',
        ['timeout', 'retry-with-backoff'],
        index,
      ),
    ).toBe('typo-here, retry-with-backoff, timeout');
  });
});

describe('annotation problems on the entity status', () => {
  it('round-trip as structured data, without duplicates', () => {
    const { problems } = resolvePatternAnnotation('circuit-braker, x;y', index);
    const item = annotationProblemStatusItem(problems[0]);
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout' },
      status: {
        items: [
          item,
          item,
          annotationProblemStatusItem(problems[1]),
          {
            type: 'backstage.io/catalog-processing',
            level: 'error' as const,
            message: 'other',
            error: { name: 'Error', message: 'other' },
          },
        ],
      },
    };
    expect(annotationProblemsFromStatus(entity)).toEqual(problems);
  });
});
