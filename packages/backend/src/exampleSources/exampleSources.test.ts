/*
 * The example portal's source trees: the reader serves them (and nothing
 * outside them) to the urlReader service, and the catalog module's evidence
 * detector, with the built-in and the example company rules, finds in them
 * all three states: declared and detected, declared without evidence,
 * detected but not declared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { JsonValue } from '@backstage/types';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  PatternEvidenceProcessor,
} from '@system-design/backstage-plugin-catalog-backend-module-patterns';
import {
  buildEntityPatternReport,
  detectedPatternsFromEntity,
  EvidenceWarning,
  evidenceWarningsFromStatus,
  PatternEvidenceState,
} from '@system-design/backstage-plugin-patterns-common';
import {
  builtInContentDirectory,
  loadPatternContent,
} from '@system-design/backstage-plugin-patterns-node';
import { parseAllDocuments } from 'yaml';
import { exampleSourcesUrlReaderFactory } from '.';
import { ExampleSourcesUrlReader } from './ExampleSourcesUrlReader';

const examples = path.resolve(__dirname, '../../../../examples');
const BASE_URL = 'https://source.example-corp.example/';

function reader(directory = examples) {
  return ExampleSourcesUrlReader.fromConfig(
    new ConfigReader({ baseUrl: BASE_URL, directory }),
  );
}

function exampleEntities(): Entity[] {
  const text = fs.readFileSync(path.join(examples, 'entities.yaml'), 'utf8');
  return parseAllDocuments(text).map(d => d.toJS() as Entity);
}

type States = Partial<Record<PatternEvidenceState, string[]>>;

/** Every example entity's states and warnings, as the portal computes them. */
async function examplePortal() {
  const content = await loadPatternContent([
    builtInContentDirectory(),
    path.join(examples, 'company-patterns'),
  ]);
  expect(content.problems).toEqual([]);
  const entities = exampleEntities();
  const apiTypes = new Map(
    entities
      .filter(e => e.kind === 'API')
      .map(e => [
        `api:default/${e.metadata.name}`,
        String((e.spec as { type: string }).type),
      ]),
  );
  const processor = new PatternEvidenceProcessor({
    loadRules: async () => ({
      rules: content.evidence,
      patternIds: content.patterns.map(p => p.id),
    }),
    reader: reader(),
    apiTypes: {
      typesOf: async refs =>
        new Map(
          refs.flatMap(ref =>
            apiTypes.has(ref) ? [[ref, apiTypes.get(ref)!] as const] : [],
          ),
        ),
    },
    logger: mockServices.logger.mock(),
    options: DEFAULT_EVIDENCE_OPTIONS,
  });
  const result: Record<
    string,
    { states: States; warnings: EvidenceWarning[] }
  > = {};
  for (const entity of entities) {
    const store = new Map<string, JsonValue>();
    const cache: CatalogProcessorCache = {
      get: async <T extends JsonValue>(key: string) =>
        store.get(key) as T | undefined,
      set: async (key, value) => void store.set(key, value),
    };
    const processed = await processor.postProcessEntity(
      { ...entity, metadata: { namespace: 'default', ...entity.metadata } },
      { type: 'file', target: path.join(examples, 'entities.yaml') },
      () => {},
      cache,
    );
    const report = buildEntityPatternReport({
      entity: processed,
      patterns: content.patterns,
      scenarios: content.scenarios,
      gaps: content.gaps,
      detected: detectedPatternsFromEntity(processed),
    });
    const states: States = {};
    for (const { id, state } of report.states) (states[state] ??= []).push(id);
    for (const ids of Object.values(states)) ids.sort();
    result[`${entity.kind.toLowerCase()}:${entity.metadata.name}`] = {
      states,
      warnings: evidenceWarningsFromStatus(processed),
    };
  }
  return result;
}

describe('the example services', () => {
  it('have a source tree for every source-location, at least eight of them', () => {
    const located = exampleEntities().filter(
      e => e.metadata.annotations?.['backstage.io/source-location'],
    );
    expect(located.length).toBeGreaterThanOrEqual(8);
    for (const entity of located) {
      const url = entity.metadata.annotations![
        'backstage.io/source-location'
      ].replace(/^url:/, '');
      expect(url.startsWith(BASE_URL)).toBe(true);
      const dir = path.join(examples, url.slice(BASE_URL.length));
      expect([entity.metadata.name, fs.statSync(dir).isDirectory()]).toEqual([
        entity.metadata.name,
        true,
      ]);
    }
  });

  it('show the three states, as the Patterns tab computes them', async () => {
    const portal = await examplePortal();
    const states = (ref: string) => portal[ref].states;

    expect(states('component:checkout-service')).toEqual({
      'declared-and-detected': [
        'circuit-breaker',
        'outbox',
        'retry-with-backoff',
        'saga',
      ],
      'declared-no-evidence': ['timeout'],
      'detected-not-declared': [
        'event-driven-architecture',
        'grpc',
        'health-endpoint-monitoring',
        'pub-sub',
        'rest',
        'rolling-deployment',
        'service-mesh',
        'sidecar',
      ],
    });
    expect(states('component:payment-gateway')).toEqual({
      'declared-and-detected': ['bulkhead', 'retry-with-backoff'],
      'detected-not-declared': [
        'blue-green-deployment',
        'circuit-breaker',
        'health-endpoint-monitoring',
      ],
    });
    expect(states('component:order-history')).toEqual({
      'declared-and-detected': ['cqrs', 'event-sourcing'],
      'detected-not-declared': ['pub-sub'],
    });
    // The annotation's typo (retry-with-backof) leaves the detected retries undeclared.
    expect(states('component:inventory-service')).toEqual({
      'declared-and-detected': ['circuit-breaker', 'grpc'],
      'declared-no-evidence': ['timeout'],
      'detected-not-declared': [
        'canary-deployment',
        'health-endpoint-monitoring',
        'retry-with-backoff',
      ],
    });
    expect(states('component:edge-gateway')).toEqual({
      'declared-and-detected': ['api-gateway', 'circuit-breaker', 'timeout'],
      'declared-no-evidence': ['rate-limiting'],
      'detected-not-declared': [
        'health-endpoint-monitoring',
        'rest',
        'retry-with-backoff',
        'rolling-deployment',
      ],
    });
    expect(states('component:mesh-control-plane')).toEqual({
      'declared-and-detected': ['service-mesh', 'sidecar'],
      'declared-no-evidence': ['service-registry'],
      'detected-not-declared': [
        'bulkhead',
        'circuit-breaker',
        'retry-with-backoff',
        'timeout',
      ],
    });
    expect(states('component:deploy-pipeline')).toEqual({
      'declared-and-detected': [
        'blue-green-deployment',
        'canary-deployment',
        'feature-flags',
      ],
    });
    expect(states('component:notification-service')).toEqual({
      'declared-and-detected': ['message-queue', 'pub-sub', 'websockets'],
      'detected-not-declared': [
        'event-driven-architecture',
        'retry-with-backoff',
      ],
    });
    // The company rule finds the company pattern.
    expect(states('component:mobile-bff')).toEqual({
      'declared-and-detected': ['graphql', 'timeout'],
      'declared-no-evidence': ['aggregator', 'backend-for-frontend'],
      'detected-not-declared': ['hedged-requests', 'rest'],
    });
    expect(states('component:legacy-monolith')).toEqual({
      'declared-and-detected': ['feature-flags'],
      'declared-no-evidence': ['strangler-fig'],
      'detected-not-declared': ['api-gateway'],
    });
    // No annotation at all: everything it has is detected, not declared.
    expect(states('component:catalog-web')).toEqual({
      'detected-not-declared': ['feature-flags', 'health-endpoint-monitoring'],
    });
    expect(states('api:inventory-api')).toEqual({
      'detected-not-declared': ['grpc'],
    });
    expect(states('api:checkout-api')).toEqual({
      'declared-and-detected': ['rest'],
      'declared-no-evidence': ['rate-limiting'],
    });

    // The legacy monolith's broken web/package.json is a warning, nothing more.
    expect(portal['component:legacy-monolith'].warnings).toEqual([
      {
        kind: 'malformed',
        file: 'web/package.json',
        message: expect.stringMatching(
          /^web\/package\.json could not be read as package\.json: not valid JSON/,
        ),
      },
    ]);
    const others = Object.entries(portal).filter(
      ([ref]) => ref !== 'component:legacy-monolith',
    );
    expect(others.flatMap(([, v]) => v.warnings)).toEqual([]);
  });
});

describe('ExampleSourcesUrlReader', () => {
  it('reads a tree with a filter and sizes, and answers NotModified to its ETag', async () => {
    const r = reader();
    const url = `${BASE_URL}services/order-history/`;
    const seen: Array<[string, number]> = [];
    const tree = await r.readTree(url, {
      filter: (p, info) => {
        seen.push([p, info!.size]);
        return p.endsWith('.toml');
      },
    });
    expect(seen.map(([p]) => p)).toEqual([
      'build.gradle.kts',
      'gradle/libs.versions.toml',
    ]);
    expect(seen.every(([, size]) => size > 0)).toBe(true);
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(['gradle/libs.versions.toml']);
    expect((await files[0].content()).toString()).toContain(
      'axon-spring-boot-starter',
    );
    await expect(r.readTree(url, { etag: tree.etag })).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
  });

  it('reads single files, and 404s what is not there', async () => {
    const r = reader();
    const response = await r.readUrl(
      `${BASE_URL}services/inventory-service/go.mod`,
    );
    expect((await response.buffer()).toString()).toMatch(
      /^module github\.com\/example-corp\/inventory-service/,
    );
    await expect(
      r.readUrl(`${BASE_URL}services/nope/go.mod`),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect((await r.search(`${BASE_URL}services/nope/go.mod`)).files).toEqual(
      [],
    );
  });

  it('never leaves its directory: no .. and no symbolic links', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'example-sources-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'password: hunter2\n');
    fs.mkdirSync(path.join(root, 'svc'));
    fs.writeFileSync(path.join(root, 'svc', 'package.json'), '{}');
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(root, 'svc', 'secret.yaml'),
    );
    fs.symlinkSync(outside, path.join(root, 'svc', 'linked-dir'));
    fs.symlinkSync(outside, path.join(root, 'escape'));
    const r = reader(root);

    const tree = await r.readTree(`${BASE_URL}svc/`);
    expect((await tree.files()).map(f => f.path)).toEqual(['package.json']);
    await expect(r.readUrl(`${BASE_URL}svc/secret.yaml`)).rejects.toMatchObject(
      { name: 'NotAllowedError' },
    );
    await expect(r.readTree(`${BASE_URL}escape/`)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    // Dot segments are resolved by the URL itself; encoded slashes are decoded here.
    await expect(
      r.readUrl(`${BASE_URL}svc/%2e%2e/%2e%2e/etc/passwd`),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      r.readUrl(`${BASE_URL}svc/..%2F..%2F..%2Fetc%2Fpasswd`),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    await expect(r.search(`${BASE_URL}svc/**/*.yaml`)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('is one of the urlReader service’s readers once its factory is added', async () => {
    let read: string | undefined;
    let other: string | undefined;
    const probe = createBackendPlugin({
      pluginId: 'probe',
      register(env) {
        env.registerInit({
          deps: { urlReader: coreServices.urlReader },
          async init({ urlReader }: { urlReader: UrlReaderService }) {
            const response = await urlReader.readUrl(
              `${BASE_URL}services/notification-service/requirements.txt`,
            );
            read = (await response.buffer()).toString();
            other = await urlReader
              .readUrl('https://not-configured.example.com/x')
              .then(
                () => 'read',
                (e: Error) => e.name,
              );
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        probe,
        exampleSourcesUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: { exampleSources: { baseUrl: BASE_URL, directory: examples } },
        }),
      ],
    });
    await backend.stop();
    expect(read).toContain('confluent-kafka==2.6.1');
    expect(other).toBe('NotAllowedError');
  });
});
