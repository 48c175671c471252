import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import { JsonValue } from '@backstage/types';
import {
  detectedPatternsFromEntity,
  EvidenceRule,
  evidenceWarningsFromStatus,
  PATTERN_EVIDENCE_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { builtInEvidenceRules } from './__testUtils__/builtInEvidenceRules';
import { MemoryUrlReader } from './__testUtils__/memoryReader';
import { ApiTypeSource } from './apiTypes';
import { DEFAULT_EVIDENCE_OPTIONS, EvidenceOptions } from './evidenceOptions';
import { PatternEvidenceProcessor } from './PatternEvidenceProcessor';

const TREE = 'https://github.com/acme/checkout/tree/main/';

function component(
  annotations: Record<string, string> = {},
  spec: object = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'backstage.io/source-location': `url:${TREE}`,
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
  };
}

/** The catalog's processor cache: what one run sets, the next run sees (unless it sets nothing). */
function processorCache() {
  let previous = new Map<string, JsonValue>();
  let current = new Map<string, JsonValue>();
  const cache: CatalogProcessorCache = {
    get: async <T extends JsonValue>(key: string) =>
      previous.get(key) as T | undefined,
    set: async (key, value) => {
      current.set(key, value);
    },
  };
  return {
    cache,
    endRun() {
      if (current.size > 0) previous = current;
      current = new Map();
    },
  };
}

async function setup(
  options: {
    evidence?: Partial<EvidenceOptions>;
    rules?: EvidenceRule[];
    apiTypes?: ApiTypeSource;
    now?: () => number;
  } = {},
) {
  const builtIn = await builtInEvidenceRules();
  const reader = new MemoryUrlReader();
  let rules = options.rules ?? builtIn.rules;
  const logger = mockServices.logger.mock();
  const processor = new PatternEvidenceProcessor({
    loadRules: async () => ({ rules, patternIds: builtIn.patternIds }),
    reader,
    apiTypes: options.apiTypes,
    logger,
    options: {
      ...DEFAULT_EVIDENCE_OPTIONS,
      refreshIntervalMs: 0,
      ...options.evidence,
    },
    now: options.now,
  });
  const { cache, endRun } = processorCache();
  const run = async (entity: Entity) => {
    const emitted: CatalogProcessorResult[] = [];
    const result: AlphaEntity = await processor.postProcessEntity(
      entity,
      { type: 'url', target: `${TREE}catalog-info.yaml` },
      r => emitted.push(r),
      cache,
    );
    endRun();
    const relations = emitted.flatMap(r =>
      r.type === 'relation' ? [r.relation] : [],
    );
    return {
      entity: result,
      emitted,
      relations,
      targets: relations.map(r => `${r.type} ${stringifyEntityRef(r.target)}`),
      detected: detectedPatternsFromEntity(result),
      warnings: evidenceWarningsFromStatus(result),
    };
  };
  return {
    reader,
    run,
    logger,
    setRules: (next: EvidenceRule[]) => {
      rules = next;
    },
  };
}

const PACKAGE = JSON.stringify({
  dependencies: { opossum: '^8.4.0', kafkajs: '^2.2.4' },
});
const ROLLOUT =
  'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: checkout }\nspec:\n  strategy:\n    canary: { steps: [] }\n';

describe('PatternEvidenceProcessor', () => {
  it('emits one hasPatternEvidence relation per detected pattern and records the evidence', async () => {
    const { reader, run } = await setup();
    reader.setTree(TREE, 'sha-1', {
      'package.json': PACKAGE,
      'deploy/rollout.yaml': ROLLOUT,
    });
    const result = await run(component());

    expect(result.targets.sort()).toEqual([
      'hasPatternEvidence pattern:default/canary-deployment',
      'hasPatternEvidence pattern:default/circuit-breaker',
      'hasPatternEvidence pattern:default/pub-sub',
    ]);
    expect(result.relations[0].source).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    // Strongest first, then by how much evidence, then by id.
    expect(result.detected).toEqual([
      {
        id: 'canary-deployment',
        evidence: [
          {
            rule: 'argo-rollouts-canary',
            source: 'deploy/rollout.yaml',
            detail: 'Rollout/checkout spec.strategy.canary',
            strength: 'strong',
          },
        ],
      },
      {
        id: 'circuit-breaker',
        evidence: [
          {
            rule: 'npm-opossum',
            source: 'package.json',
            detail: 'opossum@^8.4.0',
            strength: 'strong',
          },
        ],
      },
      {
        id: 'pub-sub',
        evidence: [
          {
            rule: 'npm-kafka',
            source: 'package.json',
            detail: 'kafkajs@^2.2.4',
            strength: 'strong',
          },
        ],
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.entity.status).toBeUndefined();
  });

  it('replaces an evidence annotation someone wrote, and removes it when nothing is detected', async () => {
    const { reader, run } = await setup();
    const forged = JSON.stringify([{ id: 'saga', evidence: [] }]);
    reader.setTree(TREE, 'sha-1', { 'README.md': '# nothing to see' });
    const result = await run(
      component({ [PATTERN_EVIDENCE_ANNOTATION]: forged }),
    );
    expect(result.entity.metadata.annotations).not.toHaveProperty(
      PATTERN_EVIDENCE_ANNOTATION,
    );
    expect(result.relations).toEqual([]);

    reader.setTree(TREE, 'sha-2', { 'package.json': PACKAGE });
    const next = await run(
      component({ [PATTERN_EVIDENCE_ANNOTATION]: forged }),
    );
    expect(next.detected.map(d => d.id)).toEqual([
      'circuit-breaker',
      'pub-sub',
    ]);
  });

  it('does not read an unchanged tree again: the stored ETag answers NotModified', async () => {
    const { reader, run } = await setup();
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    const first = await run(component());
    const second = await run(component());
    expect(reader.calls).toEqual([
      { url: TREE, etag: undefined },
      { url: TREE, etag: 'sha-1' },
    ]);
    expect(second.targets).toEqual(first.targets);
    expect(second.detected).toEqual(first.detected);

    // A new commit is read.
    reader.setTree(TREE, 'sha-2', {
      'package.json': JSON.stringify({ dependencies: { amqplib: '^0.10.4' } }),
    });
    const third = await run(component());
    expect(reader.calls[2]).toEqual({ url: TREE, etag: 'sha-1' });
    expect(third.detected.map(d => d.id)).toEqual(['message-queue']);
  });

  it('asks nothing between checks (refreshInterval)', async () => {
    let now = 1_000_000;
    const { reader, run } = await setup({
      evidence: { refreshIntervalMs: 60_000 },
      now: () => now,
    });
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    const first = await run(component());
    now += 30_000;
    const second = await run(component());
    expect(reader.calls).toHaveLength(1);
    expect(second.detected).toEqual(first.detected);
    now += 31_000;
    await run(component());
    expect(reader.calls).toHaveLength(2);
    expect(reader.calls[1].etag).toBe('sha-1');
  });

  it('keeps the last evidence when the tree cannot be read, with a warning, and recovers', async () => {
    const { reader, run, logger } = await setup();
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    const good = await run(component());

    reader.failWith = new Error(
      'Request failed for https://api.github.com/repos/acme/checkout, 503 Service Unavailable',
    );
    const failed = await run(component());
    expect(failed.targets).toEqual(good.targets);
    expect(failed.detected).toEqual(good.detected);
    expect(failed.warnings).toEqual([
      {
        kind: 'read-failed',
        message: `The source at ${TREE} could not be read (Request failed for https://api.github.com/repos/acme/checkout, 503 Service Unavailable). The evidence shown is from the last successful read.`,
      },
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('could not read'),
    );

    // Still failing on the next run: the evidence is still the last good one.
    const again = await run(component());
    expect(again.detected).toEqual(good.detected);

    reader.failWith = undefined;
    const recovered = await run(component());
    expect(recovered.warnings).toEqual([]);
    expect(recovered.detected).toEqual(good.detected);
    expect(reader.calls.at(-1)).toEqual({ url: TREE, etag: 'sha-1' });
  });

  it('says when nothing has been read yet', async () => {
    const { reader, run } = await setup();
    reader.failWith = Object.assign(new Error('No repository acme/checkout'), {
      name: 'NotFoundError',
    });
    const result = await run(component());
    expect(result.relations).toEqual([]);
    expect(result.entity.metadata.annotations).not.toHaveProperty(
      PATTERN_EVIDENCE_ANNOTATION,
    );
    expect(result.warnings[0].message).toMatch(
      /No evidence has been read from it yet\.$/,
    );
  });

  it('gives up on a slow tree without blocking the entity', async () => {
    const { reader, run } = await setup({ evidence: { readTimeoutMs: 50 } });
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    reader.delayMs = 1_000;
    const started = Date.now();
    const result = await run(component());
    expect(Date.now() - started).toBeLessThan(900);
    expect(result.warnings[0]).toMatchObject({
      kind: 'read-failed',
      message: expect.stringContaining('no answer within'),
    });
  });

  it('warns about a malformed manifest and keeps the evidence of the others', async () => {
    const { reader, run } = await setup();
    reader.setTree(TREE, 'sha-1', {
      'package.json': PACKAGE,
      'tools/package.json': '{ "dependencies": { "p-retry": ',
      'deploy/rollout.yaml': ROLLOUT,
    });
    const result = await run(component());
    expect(result.detected.map(d => d.id)).toEqual([
      'canary-deployment',
      'circuit-breaker',
      'pub-sub',
    ]);
    expect(result.warnings).toEqual([
      {
        kind: 'malformed',
        file: 'tools/package.json',
        message: expect.stringMatching(
          /^tools\/package\.json could not be read as package\.json: not valid JSON/,
        ),
      },
    ]);
    expect(result.entity.status?.items).toEqual([
      expect.objectContaining({
        type: 'system-design/pattern-evidence',
        level: 'warning',
      }),
    ]);

    // The warnings are stored with the evidence: an unchanged tree keeps them.
    const again = await run(component());
    expect(again.warnings).toEqual(result.warnings);
    expect(again.entity.status?.items).toHaveLength(1);
  });

  it('keeps other status items and bounds its own', async () => {
    const { reader, run } = await setup();
    const broken = Object.fromEntries(
      Array.from({ length: 14 }, (_, i) => [
        `svc${String(i).padStart(2, '0')}/package.json`,
        '{',
      ]),
    );
    reader.setTree(TREE, 'sha-1', broken);
    const other = {
      type: 'backstage.io/catalog-processing',
      level: 'error' as const,
      message: 'InputError: x',
    };
    const entity: AlphaEntity = { ...component(), status: { items: [other] } };
    const result = await run(entity);
    const items = result.entity.status!.items!;
    expect(items[0]).toEqual(other);
    expect(items).toHaveLength(11);
    expect(result.warnings.at(-1)).toEqual({
      kind: 'more',
      message: '…and 5 more evidence warnings.',
    });
  });

  it('reads the tree again when the rules change', async () => {
    const { reader, run, setRules } = await setup();
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    await run(component());
    const { rules } = await builtInEvidenceRules();
    setRules(rules.filter(r => r.id !== 'npm-opossum'));
    const result = await run(component());
    expect(reader.calls.map(c => c.etag)).toEqual([undefined, undefined]);
    expect(result.detected.map(d => d.id)).toEqual(['pub-sub']);
  });

  it('reads only the configured kinds, and applies catalog rules to every kind', async () => {
    const { reader, run } = await setup();
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    const system = await run({
      ...component(),
      kind: 'System',
      spec: { owner: 'team-a' },
    });
    expect(system.relations).toEqual([]);
    expect(reader.calls).toEqual([]);

    const api = await run({
      ...component(),
      kind: 'API',
      spec: {
        type: 'grpc',
        lifecycle: 'production',
        owner: 'team-a',
        definition: '',
      },
    });
    expect(api.targets).toEqual(['hasPatternEvidence pattern:default/grpc']);
    expect(api.detected[0].evidence).toEqual([
      {
        rule: 'api-type-grpc',
        source: 'spec.type',
        detail: 'grpc',
        strength: 'strong',
      },
    ]);
    expect(reader.calls).toEqual([]);
  });

  it('ignores a source location that is not a URL', async () => {
    const { reader, run } = await setup();
    const result = await run(
      component({ 'backstage.io/source-location': 'dir:./somewhere' }),
    );
    expect(result.relations).toEqual([]);
    expect(reader.calls).toEqual([]);
  });

  it('does nothing but drop a written annotation when disabled', async () => {
    const { reader, run } = await setup({ evidence: { enabled: false } });
    reader.setTree(TREE, 'sha-1', { 'package.json': PACKAGE });
    const result = await run(
      component({
        [PATTERN_EVIDENCE_ANNOTATION]: '[{"id":"saga","evidence":[]}]',
      }),
    );
    expect(result.emitted).toEqual([]);
    expect(reader.calls).toEqual([]);
    expect(result.entity.metadata.annotations).not.toHaveProperty(
      PATTERN_EVIDENCE_ANNOTATION,
    );
  });

  it('reads the types of the APIs the entity provides and consumes, and keeps them when the catalog fails', async () => {
    const typesOf = jest.fn(async (refs: readonly string[]) => {
      const known: Record<string, string> = {
        'api:default/inventory': 'grpc',
        'api:shop/catalog': 'graphql',
      };
      return new Map(
        refs.flatMap(ref => (known[ref] ? [[ref, known[ref]] as const] : [])),
      );
    });
    const { reader, run } = await setup({ apiTypes: { typesOf } });
    reader.setTree(TREE, 'sha-1', {});
    const entity = component(
      {},
      {
        providesApis: ['inventory'],
        consumesApis: ['api:shop/catalog', 'missing-api'],
      },
    );
    const result = await run(entity);
    expect(typesOf).toHaveBeenCalledWith([
      'api:default/inventory',
      'api:shop/catalog',
      'api:default/missing-api',
    ]);
    expect(result.targets.sort()).toEqual([
      'hasPatternEvidence pattern:default/graphql',
      'hasPatternEvidence pattern:default/grpc',
    ]);

    typesOf.mockRejectedValueOnce(new Error('catalog unavailable'));
    const failed = await run(entity);
    expect(failed.targets.sort()).toEqual(result.targets.sort());
    expect(failed.warnings).toEqual([
      {
        kind: 'catalog-read-failed',
        message:
          "The types of the entity's APIs could not be read from the catalog (catalog unavailable). The API evidence shown is from the last successful read.",
      },
    ]);
  });
});
