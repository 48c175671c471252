/*
 * The detector through the real catalog backend and Backstage's real GitHub
 * URL reader (the `urlReader` service of @backstage/backend-defaults, with a
 * GitHub integration and a fake token), against a fake GitHub served by msw:
 * the entity is ingested with its evidence; an unchanged repository is not
 * downloaded again (ETag = commit SHA); a repository that cannot be read
 * leaves the entity ingested with a warning and its last evidence; a new
 * commit is read again. The fake repository holds the hostile files too: a
 * broken package.json, a 5 MB file, a binary and a symbolic link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  detectedPatternsFromEntity,
  evidenceWarningsFromStatus,
  PATTERN_EVIDENCE_ANNOTATION,
} from '@system-design/backstage-plugin-patterns-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import * as tar from 'tar';
import catalogModulePatterns from '../index';

jest.setTimeout(120_000);

const API = 'https://api.github.com';
const REPO = 'acme/checkout';
const ENTITY_REF = 'component:default/checkout';

/** A gzipped tarball of the files, laid out as GitHub does (one top folder). */
async function tarball(
  sha: string,
  files: Record<string, string | Buffer>,
  links: Record<string, string> = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-github-'));
  const top = `acme-checkout-${sha.slice(0, 7)}`;
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, top, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, top, file), content);
  }
  for (const [file, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, top, file)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, top, file));
  }
  const chunks: Buffer[] = [];
  for await (const chunk of tar.create(
    { gzip: true, cwd: dir, portable: true },
    [top],
  )) {
    chunks.push(Buffer.from(chunk as Buffer));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return Buffer.concat(chunks);
}

/** The fake GitHub: the commit status API (the ETag) and the tarball API (the tree). */
function fakeGitHub() {
  const state = {
    sha: '1111111111111111111111111111111111111111',
    archive: Buffer.alloc(0),
    failing: false,
    statusRequests: 0,
    tarballRequests: 0,
    authorizations: new Set<string>(),
  };
  const server = setupServer(
    rest.get(`${API}/repos/${REPO}/commits/:ref/status`, (req, res, ctx) => {
      state.statusRequests++;
      state.authorizations.add(req.headers.get('authorization') ?? '');
      if (state.failing) {
        return res(ctx.status(502), ctx.json({ message: 'Server Error' }));
      }
      return res(
        ctx.json({
          state: 'success',
          sha: state.sha,
          total_count: 0,
          statuses: [],
          repository: {
            full_name: REPO,
            archive_url: `${API}/repos/${REPO}/{archive_format}{/ref}`,
            trees_url: `${API}/repos/${REPO}/git/trees{/sha}`,
          },
        }),
      );
    }),
    rest.get(`${API}/repos/${REPO}/tarball/:sha`, (req, res, ctx) => {
      state.tarballRequests++;
      if (req.params.sha !== state.sha) return res(ctx.status(404));
      return res(
        ctx.set('Content-Type', 'application/x-gzip'),
        ctx.body(state.archive),
      );
    }),
  );
  return { server, state };
}

class OneEntityProvider implements EntityProvider {
  constructor(private readonly entity: Entity) {}
  getProviderName() {
    return 'evidence-test';
  }
  async connect(connection: EntityProviderConnection) {
    const location =
      'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml';
    await connection.applyMutation({
      type: 'full',
      entities: [
        {
          locationKey: 'evidence-test',
          entity: {
            ...this.entity,
            metadata: {
              ...this.entity.metadata,
              annotations: {
                'backstage.io/managed-by-location': location,
                'backstage.io/managed-by-origin-location': location,
                ...this.entity.metadata.annotations,
              },
            },
          },
        },
      ],
    });
  }
}

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/checkout/tree/main/',
      'system-design/patterns': 'circuit-breaker, timeout',
      // Written by hand: the module replaces it with what it detects.
      [PATTERN_EVIDENCE_ANNOTATION]: '[{"id":"saga","evidence":[]}]',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
};

const FIRST_COMMIT = {
  'package.json': JSON.stringify({
    name: 'checkout',
    dependencies: { opossum: '^8.4.0', kafkajs: '^2.2.4' },
  }),
  'deploy/rollout.yaml':
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: checkout }\nspec:\n  strategy:\n    canary:\n      steps: [{ setWeight: 20 }]\n',
  'tools/package.json': '{ "name": "tools", "dependencies": { "p-retry": ',
  'assets/catalog-dump.json': Buffer.alloc(5 * 1024 * 1024, 'x'),
  'config/keystore.json': Buffer.from([
    0x30, 0x82, 0x04, 0x00, 0x02, 0x01, 0x00,
  ]),
  'README.md': '# Checkout',
};
const FIRST_LINKS = { 'deploy/secrets.yaml': '/etc/passwd' };

describe('evidence through the real catalog and the GitHub URL reader', () => {
  const github = fakeGitHub();
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  let baseUrl = '';
  const headers = {
    Authorization: mockCredentials.user.header(),
    'Content-Type': 'application/json',
  };

  const get = async (p: string) => {
    const res = await fetch(`${baseUrl}${p}`, { headers });
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const getEntity = (): Promise<AlphaEntity> =>
    get('/api/catalog/entities/by-name/component/default/checkout');
  /** Who the catalog's indexed query says has evidence of a pattern. */
  const withEvidenceOf = async (id: string): Promise<string[]> =>
    (
      await get(
        `/api/catalog/entities/by-query?filter=relations.haspatternevidence=pattern:default/${id}`,
      )
    ).items.map((e: Entity) => e.metadata.name);
  const refresh = async () => {
    const res = await fetch(`${baseUrl}/api/catalog/refresh`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ entityRef: ENTITY_REF }),
    });
    expect(res.status).toBe(200);
  };
  const waitFor = async <T>(
    what: string,
    check: () => Promise<T | undefined | false>,
    ms = 60_000,
  ): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await check().catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${what}`);
      await new Promise(r => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    github.state.archive = await tarball(
      github.state.sha,
      FIRST_COMMIT,
      FIRST_LINKS,
    );
    github.server.listen({ onUnhandledRequest: 'bypass' });
    const provider = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'evidence-test-entities',
      register(env) {
        env.registerInit({
          deps: { processing: catalogProcessingExtensionPoint },
          async init({ processing }) {
            processing.addEntityProvider(new OneEntityProvider(checkout));
          },
        });
      },
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePatterns,
        provider,
        mockServices.rootLogger.factory({ level: 'error' }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'fake-token' }],
            },
            catalog: { processingInterval: { minutes: 30 } },
            // Check the repository on every processing run, so the test sees the ETag at work.
            patterns: {
              evidence: {
                refreshInterval: { milliseconds: 0 },
                maxFileBytes: 256 * 1024,
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
  });

  afterAll(async () => {
    await backend?.stop();
    github.server.close();
  });

  it('ingests the entity with the detected patterns as relations, the evidence and the warnings', async () => {
    await waitFor(
      'the evidence relations',
      async () => (await withEvidenceOf('circuit-breaker')).length === 1,
    );
    expect(await withEvidenceOf('canary-deployment')).toEqual(['checkout']);
    expect(await withEvidenceOf('pub-sub')).toEqual(['checkout']);
    expect(await withEvidenceOf('saga')).toEqual([]);
    // Declared and detected are two relations, each with its own index.
    expect(
      (
        await get(
          '/api/catalog/entities/by-query?filter=relations.usespattern=pattern:default/timeout',
        )
      ).items,
    ).toHaveLength(1);

    const entity = await getEntity();
    expect(detectedPatternsFromEntity(entity)).toEqual([
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
    expect(
      entity.relations
        ?.filter(r => r.type === 'hasPatternEvidence')
        .map(r => r.targetRef)
        .sort(),
    ).toEqual([
      'pattern:default/canary-deployment',
      'pattern:default/circuit-breaker',
      'pattern:default/pub-sub',
    ]);

    // The hostile files: each a warning or skipped, none a crash; the link is never followed.
    expect(
      evidenceWarningsFromStatus(entity)
        .map(w => `${w.kind} ${w.file}`)
        .sort(),
    ).toEqual([
      'binary config/keystore.json',
      'malformed tools/package.json',
      'too-large assets/catalog-dump.json',
    ]);
    expect(JSON.stringify(entity)).not.toContain('root:');

    expect(github.state).toMatchObject({
      statusRequests: 1,
      tarballRequests: 1,
    });
    expect([...github.state.authorizations]).toEqual(['Bearer fake-token']);
  });

  it('does not download an unchanged repository again', async () => {
    await refresh();
    await waitFor(
      'the second check',
      async () => github.state.statusRequests >= 2,
    );
    // Let the run finish and be stitched.
    await new Promise(r => setTimeout(r, 2_000));
    expect(github.state.tarballRequests).toBe(1);
    const entity = await getEntity();
    expect(detectedPatternsFromEntity(entity).map(d => d.id)).toEqual([
      'canary-deployment',
      'circuit-breaker',
      'pub-sub',
    ]);
    expect(evidenceWarningsFromStatus(entity)).toHaveLength(3);
  });

  it('keeps the entity and its last evidence when GitHub fails, with a warning', async () => {
    github.state.failing = true;
    const before = github.state.statusRequests;
    await refresh();
    const entity = await waitFor('the read-failed warning', async () => {
      const e = await getEntity();
      return (
        evidenceWarningsFromStatus(e).some(w => w.kind === 'read-failed') && e
      );
    });
    expect(github.state.statusRequests).toBeGreaterThan(before);
    expect(evidenceWarningsFromStatus(entity)[0]).toEqual({
      kind: 'read-failed',
      message: expect.stringMatching(
        /^The source at https:\/\/github\.com\/acme\/checkout\/tree\/main\/ could not be read \(Request failed for https:\/\/api\.github\.com\/repos\/acme\/checkout\/commits\/main\/status\?per_page=0, 502 Bad Gateway\)\. The evidence shown is from the last successful read\.$/,
      ),
    });
    expect(detectedPatternsFromEntity(entity).map(d => d.id)).toEqual([
      'canary-deployment',
      'circuit-breaker',
      'pub-sub',
    ]);
    expect(await withEvidenceOf('circuit-breaker')).toEqual(['checkout']);
    expect(github.state.tarballRequests).toBe(1);
  });

  it('reads a new commit', async () => {
    github.state.failing = false;
    github.state.sha = '2222222222222222222222222222222222222222';
    github.state.archive = await tarball(github.state.sha, {
      'package.json': JSON.stringify({
        name: 'checkout',
        dependencies: { amqplib: '^0.10.4' },
      }),
    });
    await refresh();
    await waitFor(
      'the new evidence',
      async () => (await withEvidenceOf('message-queue')).length === 1,
    );
    expect(github.state.tarballRequests).toBe(2);
    expect(await withEvidenceOf('circuit-breaker')).toEqual([]);
    const entity = await getEntity();
    expect(detectedPatternsFromEntity(entity).map(d => d.id)).toEqual([
      'message-queue',
    ]);
    expect(evidenceWarningsFromStatus(entity)).toEqual([]);
  });
});
