import { Dependency, isPlainObject, MAX_DEPENDENCIES_PER_FILE } from './types';
import { parseToml, tableAt } from './toml';

/** `"group:artifact"` or `"group:artifact:version"` (with an optional classifier or `@ext`). */
const COORDINATES =
  /^([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::([^:@\s]+))?(?::[^:@\s]+)?(?:@\w+)?$/;

/** `group: 'g', name: 'a', version: 'v'` (Groovy) or `group = "g", name = "a", version = "v"` (Kotlin). */
const MAP_NOTATION =
  /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/g;

const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

/**
 * The Maven coordinates a build.gradle or build.gradle.kts names: every
 * string literal shaped like `group:artifact[:version]` and every
 * `group/name/version` map. Gradle scripts are programs; this reads the
 * common declaration forms, not what a script computes. Dependencies named
 * through a version catalog (`libs.x.y`) come from `gradle/libs.versions.toml`.
 */
export function parseGradleBuild(text: string): Dependency[] {
  const code = stripComments(text);
  const dependencies: Dependency[] = [];
  const add = (
    at: number,
    group: string,
    artifact: string,
    version?: string,
  ) => {
    if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) return;
    const scope = scopeAt(code, at);
    dependencies.push({
      name: `${group}:${artifact}`,
      ...(version ? { version } : {}),
      ...(scope ? { scope } : {}),
    });
  };
  for (const match of code.matchAll(STRING_LITERAL)) {
    const literal = match[1] ?? match[2] ?? '';
    const coordinates = COORDINATES.exec(literal);
    if (coordinates)
      add(match.index!, coordinates[1], coordinates[2], coordinates[3]);
  }
  for (const match of code.matchAll(MAP_NOTATION)) {
    add(match.index!, match[1], match[2], match[3]);
  }
  return dependencies;
}

/**
 * `test` when the declaration at `index` is in a test configuration
 * (`testImplementation`, `testRuntimeOnly`, …): the configuration is the
 * identifier before it on its line.
 */
function scopeAt(code: string, index: number): string | undefined {
  const lineStart = code.lastIndexOf('\n', index - 1) + 1;
  const before = code.slice(lineStart, index);
  const configuration =
    /([A-Za-z_]\w*)\s*(?:\(\s*)?(?:(?:platform|enforcedPlatform)\s*\(\s*)?$/.exec(
      before,
    )?.[1];
  return configuration &&
    /^(test|integrationTest|androidTest)/.test(configuration)
    ? 'test'
    : undefined;
}

/**
 * The libraries of a Gradle version catalog (`gradle/libs.versions.toml`):
 * `"g:a:v"`, `{ module = "g:a", version.ref = "x" }` or
 * `{ group = "g", name = "a", version = "v" }`.
 */
export function parseGradleVersionCatalog(text: string): Dependency[] {
  const toml = parseToml(text);
  const versions = tableAt(toml, 'versions') ?? {};
  const libraries = tableAt(toml, 'libraries') ?? {};
  const versionOf = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (!isPlainObject(value)) return undefined;
    if (typeof value.ref === 'string') {
      const ref = versions[value.ref];
      return typeof ref === 'string' ? ref : undefined;
    }
    if (typeof value.strictly === 'string') return value.strictly;
    return typeof value.require === 'string' ? value.require : undefined;
  };
  const dependencies: Dependency[] = [];
  for (const library of Object.values(libraries)) {
    if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) break;
    if (typeof library === 'string') {
      const coordinates = COORDINATES.exec(library);
      if (coordinates) {
        dependencies.push({
          name: `${coordinates[1]}:${coordinates[2]}`,
          ...(coordinates[3] ? { version: coordinates[3] } : {}),
        });
      }
      continue;
    }
    if (!isPlainObject(library)) continue;
    let name: string | undefined;
    if (typeof library.module === 'string' && library.module.includes(':')) {
      name = library.module;
    } else if (
      typeof library.group === 'string' &&
      typeof library.name === 'string'
    ) {
      name = `${library.group}:${library.name}`;
    }
    if (!name) continue;
    const version = versionOf(library.version);
    dependencies.push({ name, ...(version ? { version } : {}) });
  }
  return dependencies;
}

/** The text without `//` and `/* *\/` comments, string literals kept intact. */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function endOfString(text: string, start: number): number {
  const quote = text[start];
  // Triple-quoted strings (Groovy and Kotlin) run to the closing triple quote.
  if (text.startsWith(quote.repeat(3), start)) {
    const end = text.indexOf(quote.repeat(3), start + 3);
    return end === -1 ? text.length : end + 3;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote || text[i] === '\n') return i + 1;
  }
  return text.length;
}
