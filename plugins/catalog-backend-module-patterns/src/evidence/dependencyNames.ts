import { DependencyEcosystem } from '@system-design/backstage-plugin-patterns-common';

/**
 * A package name as compared: PyPI names normalised (PEP 503), Go major
 * version suffixes (`/v2`) dropped, everything case-insensitive.
 */
export function normalizePackageName(
  ecosystem: DependencyEcosystem,
  name: string,
): string {
  let normalized = name.trim().toLocaleLowerCase('en-US');
  if (ecosystem === 'pypi') normalized = normalized.replace(/[-_.]+/g, '-');
  if (ecosystem === 'go') normalized = normalized.replace(/\/v\d+$/, '');
  return normalized;
}

/** A matcher for one rule's package names (`*` matches any characters). */
export function packageMatcher(
  ecosystem: DependencyEcosystem,
  names: readonly string[],
): (name: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const name of names) {
    const normalized = normalizePackageName(ecosystem, name);
    if (!normalized.includes('*')) {
      exact.add(normalized);
      continue;
    }
    const source = normalized
      .split('*')
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    patterns.push(new RegExp(`^${source}$`));
  }
  return name => {
    const normalized = normalizePackageName(ecosystem, name);
    return exact.has(normalized) || patterns.some(p => p.test(normalized));
  };
}

/**
 * How a dependency is shown in the evidence, the way its ecosystem writes
 * it: `opossum@^8.1.0`, `io.grpc:grpc-stub:1.64.0`, `google.golang.org/grpc
 * v1.64.0`, `Polly 8.4.0`, `tenacity==9.0.0`; the scope when it is not a
 * plain runtime dependency.
 */
export function formatDependency(
  ecosystem: DependencyEcosystem,
  dependency: { name: string; version?: string; scope?: string },
): string {
  const { name, version, scope } = dependency;
  let shown = name;
  if (version) {
    if (ecosystem === 'npm') shown += `@${version}`;
    else if (ecosystem === 'maven') shown += `:${version}`;
    else if (ecosystem === 'pypi' && /^[<>=!~]/.test(version)) shown += version;
    else shown += ` ${version}`;
  }
  if (scope) shown += ` (${scope})`;
  return shown.slice(0, 300);
}
