import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  componentWith,
  createProcessor,
  processEntity,
  withPatterns,
} from './__testUtils__/processTestEntity';
import { testPatternIdIndex } from './__testUtils__/testIndex';

const UNKNOWN_FOO =
  'InputError: Annotation system-design/patterns: Unknown pattern id "foo".';

describe('PatternAnnotationProcessor', () => {
  it('has a stable name', () => {
    const { processor } = createProcessor(async () => testPatternIdIndex());
    expect(processor.getProcessorName()).toBe('PatternAnnotationProcessor');
  });

  it.each([
    ['no annotations', componentWith()],
    [
      'other annotations only',
      componentWith({ 'backstage.io/techdocs-ref': 'dir:.' }),
    ],
  ])(
    'passes an entity with %s through without loading content',
    async (_name, entity) => {
      const loadIndex = jest.fn(async () => testPatternIdIndex());
      const { processor } = createProcessor(loadIndex);
      const result = await processEntity(processor, entity);
      expect(result.entity).toBe(entity);
      expect(result.emitted).toEqual([]);
      expect(loadIndex).not.toHaveBeenCalled();
    },
  );

  it.each(['Component', 'API', 'System', 'Resource', 'Group', 'Domain'])(
    'reads the annotation on kind %s',
    async kind => {
      const { processor } = createProcessor(async () => testPatternIdIndex());
      const entity: Entity = { ...withPatterns('saga'), kind };
      const result = await processEntity(processor, entity);
      expect(result.relations).toEqual([
        {
          source: { kind, namespace: 'default', name: 'checkout' },
          type: 'usesPattern',
          target: { kind: 'pattern', namespace: 'default', name: 'saga' },
        },
      ]);
    },
  );

  it('loads the known ids once and reuses them', async () => {
    const loadIndex = jest.fn(async () => testPatternIdIndex());
    const { processor } = createProcessor(loadIndex);
    await Promise.all([
      processEntity(processor, withPatterns('saga', 'a')),
      processEntity(processor, withPatterns('timeout', 'b')),
    ]);
    await processEntity(processor, withPatterns('cqrs', 'c'));
    expect(loadIndex).toHaveBeenCalledTimes(1);
  });

  it('retries loading after a failure instead of caching it', async () => {
    const loadIndex = jest
      .fn()
      .mockRejectedValueOnce(new Error('disk on fire'))
      .mockResolvedValue(testPatternIdIndex());
    const { processor } = createProcessor(loadIndex);
    await expect(
      processEntity(processor, withPatterns('saga')),
    ).rejects.toThrow('disk on fire');
    const result = await processEntity(processor, withPatterns('saga'));
    expect(result.targets).toEqual(['pattern:default/saga']);
    expect(loadIndex).toHaveBeenCalledTimes(2);
  });

  it('keeps existing status items and does not repeat its own', async () => {
    const { processor } = createProcessor(async () => testPatternIdIndex());
    const other = {
      type: 'example.com/other',
      level: 'warning' as const,
      message: 'something else',
    };
    const entity: AlphaEntity = {
      ...withPatterns('saga, foo'),
      status: { items: [other] },
    };

    const first = await processEntity(processor, entity);
    expect(first.entity.status?.items?.map(i => i.message)).toEqual([
      'something else',
      UNKNOWN_FOO,
    ]);
    // The input is not mutated.
    expect(entity.status?.items).toEqual([other]);

    const again = await processEntity(processor, first.entity);
    expect(again.entity.status?.items?.map(i => i.message)).toEqual([
      'something else',
      UNKNOWN_FOO,
    ]);
    expect(again.targets).toEqual(['pattern:default/saga']);
  });

  it('logs problems at debug level with the entity ref', async () => {
    const { processor, logger } = createProcessor(async () =>
      testPatternIdIndex(),
    );
    await processEntity(processor, withPatterns('saga'));
    expect(logger.debug).not.toHaveBeenCalled();

    await processEntity(processor, withPatterns('retry-with-backof'));
    expect(logger.debug).toHaveBeenCalledTimes(1);
    expect(logger.debug).toHaveBeenCalledWith(
      'Pattern annotation problems on component:default/checkout: Unknown pattern id "retry-with-backof" — did you mean retry-with-backoff?',
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('does not let a bad entity affect the next one', async () => {
    const { processor } = createProcessor(async () => testPatternIdIndex());
    const bad = await processEntity(
      processor,
      withPatterns(`<script>${'x'.repeat(5000)}`, 'bad'),
    );
    expect(bad.targets).toEqual([]);
    expect(bad.messages).toHaveLength(1);

    const good = await processEntity(processor, withPatterns('saga', 'good'));
    expect(good.targets).toEqual(['pattern:default/saga']);
    expect(good.entity.status).toBeUndefined();
  });

  it('reports a value that is not a string instead of crashing', async () => {
    const { processor } = createProcessor(async () => testPatternIdIndex());
    const entity = componentWith();
    entity.metadata.annotations = {
      'system-design/patterns': ['saga'] as unknown as string,
    };
    const result = await processEntity(processor, entity);
    expect(result.targets).toEqual([]);
    expect(result.messages).toEqual([
      'InputError: Annotation system-design/patterns: The value must be a string of pattern ids.',
    ]);
  });

  it('reports every id as unknown when no content is loaded', async () => {
    const { processor } = createProcessor(async () => ({
      ids: new Set<string>(),
      aliases: new Map<string, string>(),
    }));
    const result = await processEntity(processor, withPatterns('saga'));
    expect(result.targets).toEqual([]);
    expect(result.messages).toEqual([
      'InputError: Annotation system-design/patterns: Unknown pattern id "saga".',
    ]);
  });
});
