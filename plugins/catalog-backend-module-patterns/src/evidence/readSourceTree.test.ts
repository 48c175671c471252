import { NotModifiedError } from '@backstage/errors';
import { MemoryUrlReader } from './__testUtils__/memoryReader';
import { readSourceTree, ReadTimeoutError } from './readSourceTree';

const URL = 'https://gitlab.example.com/acme/svc/-/tree/main';
const needs = {
  ecosystems: new Set(['npm', 'maven'] as const),
  manifests: true,
};
const limits = {
  maxFiles: 10,
  maxBytes: 10_000,
  maxFileBytes: 2_000,
  timeoutMs: 2_000,
};

function reader(files: Record<string, string | Buffer>, etag = 'sha-1') {
  const r = new MemoryUrlReader();
  r.setTree(URL, etag, files);
  return r;
}

describe('readSourceTree', () => {
  it('reads only the files the rules need, sorted', async () => {
    const tree = await readSourceTree(
      reader({
        'src/index.ts': 'export {};',
        'package.json': '{}',
        'deploy/app.yaml': 'kind: Deployment',
        'README.md': '# svc',
        'go.mod': 'module x', // go is not needed by these rules
        'pom.xml': '<project/>',
      }),
      URL,
      { needs, limits },
    );
    expect(tree.etag).toBe('sha-1');
    expect(tree.files.map(f => `${f.kind} ${f.path}`)).toEqual([
      'manifest deploy/app.yaml',
      'package.json package.json',
      'pom.xml pom.xml',
    ]);
    expect(tree.warnings).toEqual([]);
  });

  it('skips a 5 MB file with a warning, and never reads its content', async () => {
    const r = reader({
      'package.json': '{}',
      'deploy/huge.yaml': Buffer.alloc(5 * 1024 * 1024, 'a'),
    });
    const tree = await readSourceTree(r, URL, { needs, limits });
    expect(tree.files.map(f => f.path)).toEqual(['package.json']);
    expect(tree.warnings).toEqual([
      {
        kind: 'too-large',
        file: 'deploy/huge.yaml',
        message:
          'deploy/huge.yaml is 5.0 MB, over the 2 KB limit per file; it was not read.',
      },
    ]);
  });

  it('checks sizes again when a reader ignores the filter', async () => {
    const r = reader({ 'package.json': Buffer.alloc(3000, ' ') });
    r.ignoreFilter = true;
    const tree = await readSourceTree(r, URL, { needs, limits });
    expect(tree.files).toEqual([]);
    expect(tree.warnings.map(w => w.kind)).toEqual(['too-large']);
  });

  it('skips a binary file with a warning', async () => {
    const tree = await readSourceTree(
      reader({
        'config/keystore.json': Buffer.from([
          0x30, 0x82, 0x00, 0x01, 0xff, 0x00,
        ]),
      }),
      URL,
      { needs, limits },
    );
    expect(tree.files).toEqual([]);
    expect(tree.warnings).toEqual([
      {
        kind: 'binary',
        file: 'config/keystore.json',
        message: 'config/keystore.json is not a text file; it was skipped.',
      },
    ]);
  });

  it('takes an empty entry (a symbolic link in a tarball) as an empty file', async () => {
    const r = reader({ 'deploy/link.yaml': '' });
    const real = r.readTree.bind(r);
    // The tar-based readers answer an empty entry with an empty array, not a Buffer.
    r.readTree = async (url, options) => {
      const tree = await real(url, options);
      const files = await tree.files();
      return {
        ...tree,
        files: async () =>
          files.map(f => ({
            ...f,
            content: async () => [] as unknown as Buffer,
          })),
      };
    };
    const tree = await readSourceTree(r, URL, { needs, limits });
    expect(tree.files).toEqual([
      { path: 'deploy/link.yaml', kind: 'manifest', text: '' },
    ]);
    expect(tree.warnings).toEqual([]);
  });

  it('reads at most maxFiles files and maxBytes bytes, and says how many it left out', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [
        `k8s/m${String(i).padStart(2, '0')}.yaml`,
        'kind: x\n',
      ]),
    );
    const byCount = await readSourceTree(reader(files), URL, { needs, limits });
    expect(byCount.files).toHaveLength(10);
    expect(byCount.warnings).toEqual([
      {
        kind: 'limit',
        message:
          '5 more files the rules could use were not read: the limit is 10 files and 10 KB per entity.',
      },
    ]);

    const big = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `k8s/b${i}.yaml`,
        'x'.repeat(1_900),
      ]),
    );
    const byBytes = await readSourceTree(reader(big), URL, { needs, limits });
    expect(byBytes.files).toHaveLength(5);
    expect(byBytes.warnings.map(w => w.kind)).toEqual(['limit']);
  });

  it('passes the ETag on, so an unchanged tree is NotModified', async () => {
    const r = reader({ 'package.json': '{}' });
    await expect(
      readSourceTree(r, URL, { etag: 'sha-1', needs, limits }),
    ).rejects.toBeInstanceOf(NotModifiedError);
    expect(r.calls).toEqual([{ url: URL, etag: 'sha-1' }]);
  });

  it('gives up after the timeout', async () => {
    const r = reader({ 'package.json': '{}' });
    r.delayMs = 500;
    await expect(
      readSourceTree(r, URL, { needs, limits: { ...limits, timeoutMs: 50 } }),
    ).rejects.toBeInstanceOf(ReadTimeoutError);
  });

  it('passes reader errors on', async () => {
    const r = reader({});
    r.failWith = new Error(
      'Request failed for https://api.github.com/..., 403 Forbidden (rate limit exceeded)',
    );
    await expect(readSourceTree(r, URL, { needs, limits })).rejects.toThrow(
      'rate limit exceeded',
    );
  });
});
