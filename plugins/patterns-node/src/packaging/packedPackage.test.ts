import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';
import { parse } from 'yaml';
import { builtInContentDirectory } from '../content/builtInContentDirectory';
import { loadPatternContent } from '../content/loadPatternContent';

/**
 * DESIGN.md "Content format": adopters install the plugins from npm, so the
 * built-in content ships inside this package, copied from the repository's
 * `content/` (the one source) when it is packed. This test packs the package
 * for real (`yarn pack`, which runs the `prepack` and `postpack` scripts),
 * installs the tarball into a temporary `node_modules` and checks that the
 * content is where `builtInContentDirectory` looks for it there.
 *
 * No build is needed: `prepack` works without `dist/`, and the content does
 * not depend on it.
 */

const PACKAGE_NAME = '@system-design/backstage-plugin-patterns-node';
const PACK_TIMEOUT_MS = 300_000;
const CATALOG_FILES = [
  'categories.yaml',
  'scenarios.yaml',
  'decision-tree.yaml',
  'gaps.yaml',
  'layers.yaml',
  'evidence.yaml',
];

const execFileAsync = promisify(execFile);
const packageDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const repoContent = path.join(repoRoot, 'content');

/** What `yarn pack` may leave in the package directory. */
const artifacts = {
  packageJson: path.join(packageDir, 'package.json'),
  packageJsonBackup: path.join(packageDir, 'package.json-prepack'),
  configSchema: path.join(packageDir, 'config.schema.json'),
  copiedContent: path.join(packageDir, 'content'),
};

/** Files below `dir`, as posix paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(dir, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

async function run(command: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The prepack script runs `node`: the one running this test.
    PATH: [path.dirname(process.execPath), process.env.PATH].join(
      path.delimiter,
    ),
  };
  delete env.NODE_ENV;
  try {
    return await execFileAsync(command, args, {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${e.message}\n` +
        `--- stdout\n${e.stdout ?? ''}\n--- stderr\n${e.stderr ?? ''}`,
    );
  }
}

describe('the packed package', () => {
  let tmp = '';
  let installDir = '';
  let entries: string[] = [];
  let originalPackageJson = '';
  let packageJsonAfterPack = '';
  const existedBefore = { configSchema: false, copiedContent: false };

  beforeAll(async () => {
    originalPackageJson = fs.readFileSync(artifacts.packageJson, 'utf8');
    existedBefore.configSchema = fs.existsSync(artifacts.configSchema);
    existedBefore.copiedContent = fs.existsSync(artifacts.copiedContent);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'patterns-node-pack-'));
    const tarball = path.join(tmp, 'package.tgz');
    // Where a package manager would install it.
    installDir = path.join(tmp, 'node_modules', ...PACKAGE_NAME.split('/'));

    const { yarnPath } = parse(
      fs.readFileSync(path.join(repoRoot, '.yarnrc.yml'), 'utf8'),
    );
    await run(
      process.execPath,
      [path.join(repoRoot, yarnPath), 'pack', '--out', tarball],
      packageDir,
    );
    packageJsonAfterPack = fs.readFileSync(artifacts.packageJson, 'utf8');
    // The copy shadows content/ at the root for builtInContentDirectory in
    // this repository (other tests may be running): remove it right away.
    if (!existedBefore.copiedContent) {
      fs.rmSync(artifacts.copiedContent, { recursive: true, force: true });
    }

    const listing = await run('tar', ['-tzf', tarball], tmp);
    entries = listing.stdout.split('\n').filter(Boolean);
    fs.mkdirSync(installDir, { recursive: true });
    await run(
      'tar',
      ['-xzf', tarball, '-C', installDir, '--strip-components=1'],
      tmp,
    );
  }, PACK_TIMEOUT_MS);

  afterAll(() => {
    // Leave the working tree as it was, also when pack failed half-way:
    // without postpack, prepack's backup holds the original package.json.
    if (fs.existsSync(artifacts.packageJsonBackup)) {
      fs.renameSync(artifacts.packageJsonBackup, artifacts.packageJson);
    }
    if (!existedBefore.configSchema) {
      fs.rmSync(artifacts.configSchema, { force: true });
    }
    if (!existedBefore.copiedContent) {
      fs.rmSync(artifacts.copiedContent, { recursive: true, force: true });
    }
    if (tmp) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('holds every built-in pattern document and catalog file', () => {
    const patternFiles = listFiles(path.join(repoContent, 'patterns')).filter(
      file => file.endsWith('.md'),
    );
    expect(patternFiles).toHaveLength(39);
    for (const file of patternFiles) {
      expect(entries).toContain(`package/content/patterns/${file}`);
    }
    for (const file of CATALOG_FILES) {
      expect(entries).toContain(`package/content/${file}`);
    }
  });

  it('holds an exact copy of the repository content', () => {
    const packed = path.join(installDir, 'content');
    expect(listFiles(packed)).toEqual(listFiles(repoContent));
    for (const file of listFiles(repoContent)) {
      expect(fs.readFileSync(path.join(packed, file), 'utf8')).toBe(
        fs.readFileSync(path.join(repoContent, file), 'utf8'),
      );
    }
  });

  it('lists the content in the packed package.json files', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(installDir, 'package.json'), 'utf8'),
    );
    expect(manifest.name).toBe(PACKAGE_NAME);
    expect(manifest.files).toEqual(expect.arrayContaining(['content']));
  });

  it('serves the content from where builtInContentDirectory looks when installed', async () => {
    const override = overridePackagePathResolution({
      packageName: PACKAGE_NAME,
      path: installDir,
    });
    try {
      const directory = builtInContentDirectory();
      expect(directory).toBe(path.join(installDir, 'content'));
      const content = await loadPatternContent([directory]);
      expect(content.problems).toEqual([]);
      expect(content.patterns).toHaveLength(39);
      expect(content.decisionTree).toBeDefined();
      expect(content.layers).toBeDefined();
      expect(content.gaps.length).toBeGreaterThan(0);
      expect(content.evidence.length).toBeGreaterThan(0);
    } finally {
      override.restore();
    }
  });

  it('restores package.json after packing (postpack)', () => {
    expect(packageJsonAfterPack).toBe(originalPackageJson);
    expect(fs.existsSync(artifacts.packageJsonBackup)).toBe(false);
  });
});
