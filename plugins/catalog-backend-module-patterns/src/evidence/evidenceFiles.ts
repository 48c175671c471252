import { DependencyEcosystem } from '@system-design/backstage-plugin-patterns-common';

/** The kinds of file the detector reads, each with its parser. */
export type EvidenceFileKind =
  | 'package.json'
  | 'pom.xml'
  | 'gradle'
  | 'gradle-version-catalog'
  | 'go.mod'
  | 'msbuild-project'
  | 'packages.config'
  | 'requirements.txt'
  | 'pyproject.toml'
  | 'Pipfile'
  | 'manifest';

/** The ecosystem whose dependencies each manifest kind lists. */
export const ECOSYSTEM_OF_FILE: Partial<
  Record<EvidenceFileKind, DependencyEcosystem>
> = {
  'package.json': 'npm',
  'pom.xml': 'maven',
  gradle: 'maven',
  'gradle-version-catalog': 'maven',
  'go.mod': 'go',
  'msbuild-project': 'nuget',
  'packages.config': 'nuget',
  'requirements.txt': 'pypi',
  'pyproject.toml': 'pypi',
  Pipfile: 'pypi',
};

/** What the enabled rules need read. */
export interface EvidenceFileNeeds {
  ecosystems: ReadonlySet<DependencyEcosystem>;
  /** YAML and JSON documents, for manifest rules. */
  manifests: boolean;
}

/**
 * Folders that hold installed, generated, vendored or test data, never the
 * service's own manifests: skipped wherever they appear.
 */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.github',
  '.gitlab',
  '.idea',
  '.vscode',
  '.yarn',
  '.gradle',
  '.mvn',
  '.terraform',
  '.venv',
  'venv',
  '__pycache__',
  'site-packages',
  'vendor',
  'dist',
  'build',
  'target',
  'bin',
  'obj',
  'out',
  'coverage',
  '.next',
  'bower_components',
  'testdata',
  'fixtures',
  '__fixtures__',
  '__tests__',
  '__snapshots__',
]);

/** JSON and YAML files that are never deployment manifests. */
const NOT_MANIFESTS = [
  /^package(-lock)?\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^composer\.(json|lock)$/,
  /^(ts|js)config(\..*)?\.json$/,
  /^pnpm-lock\.yaml$/,
  /^\.?(eslintrc|prettierrc|babelrc|stylelintrc)(\..*)?$/,
  /^renovate\.json5?$/,
  /^catalog-info\.ya?ml$/,
  /^mkdocs\.ya?ml$/,
  /^openapi.*\.(json|ya?ml)$/i,
  /^swagger.*\.(json|ya?ml)$/i,
  /^asyncapi.*\.(json|ya?ml)$/i,
  /\.schema\.json$/,
];

/**
 * The kind of an evidence file at `path` (relative to the source tree), or
 * undefined when the rules need nothing from it.
 */
export function classifyEvidenceFile(
  path: string,
  needs: EvidenceFileNeeds,
): EvidenceFileKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  if (!name) return undefined;
  if (parts.slice(0, -1).some(dir => SKIPPED_DIRECTORIES.has(dir))) {
    return undefined;
  }
  const kind = fileKindOf(name, parts);
  if (!kind) return undefined;
  if (kind === 'manifest') return needs.manifests ? kind : undefined;
  return needs.ecosystems.has(ECOSYSTEM_OF_FILE[kind]!) ? kind : undefined;
}

function fileKindOf(
  name: string,
  parts: string[],
): EvidenceFileKind | undefined {
  if (name === 'package.json') return 'package.json';
  if (name === 'pom.xml') return 'pom.xml';
  if (name === 'build.gradle' || name === 'build.gradle.kts') return 'gradle';
  if (name.endsWith('.versions.toml') && parts[parts.length - 2] === 'gradle') {
    return 'gradle-version-catalog';
  }
  if (name === 'go.mod') return 'go.mod';
  if (/\.(cs|fs|vb)proj$/.test(name)) return 'msbuild-project';
  if (name === 'packages.config') return 'packages.config';
  if (/^requirements.*\.txt$/.test(name)) return 'requirements.txt';
  if (name.endsWith('.txt') && parts[parts.length - 2] === 'requirements') {
    return 'requirements.txt';
  }
  if (name === 'pyproject.toml') return 'pyproject.toml';
  if (name === 'Pipfile') return 'Pipfile';
  if (
    /\.(ya?ml|json)$/.test(name) &&
    !NOT_MANIFESTS.some(re => re.test(name))
  ) {
    return 'manifest';
  }
  return undefined;
}
