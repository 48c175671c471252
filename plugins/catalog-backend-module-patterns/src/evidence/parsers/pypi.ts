import { Dependency, isPlainObject, MAX_DEPENDENCIES_PER_FILE } from './types';
import { parseToml, tableAt } from './toml';

/** A PEP 508 requirement: the name, optional extras, then the version specifier or URL. */
/** The version of a TOML dependency value: `"^1.2"` or `{ version = "^1.2", … }`. */
function tomlVersion(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isPlainObject(value) && typeof value.version === 'string'
    ? value.version
    : undefined;
}

const REQUIREMENT =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*([^;]*)/;

function fromRequirement(spec: string, scope?: string): Dependency | undefined {
  const match = REQUIREMENT.exec(spec.trim());
  if (!match) return undefined;
  // Per-requirement options (`--hash=…`) are not part of the version.
  const version = match[2]
    .replace(/\s--.*$/, '')
    .trim()
    .replace(/^@\s*/, '');
  return {
    name: match[1],
    ...(version ? { version } : {}),
    ...(scope ? { scope } : {}),
  };
}

/**
 * The requirements of a requirements*.txt: one PEP 508 requirement per line;
 * options (`-r`, `--index-url`, …) and comments are skipped, an editable
 * `-e …#egg=name` gives its name. Lines that are none of these are ignored:
 * pip accepts more than this reads.
 */
export function parseRequirementsTxt(text: string): Dependency[] {
  const dependencies: Dependency[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) break;
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('-')) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(raw);
      if (/^(-e|--editable)\b/.test(line) && egg)
        dependencies.push({ name: egg[1] });
      continue;
    }
    if (/^[a-z+]+:\/\//i.test(line)) continue;
    const dependency = fromRequirement(line);
    if (dependency) dependencies.push(dependency);
  }
  return dependencies;
}

/**
 * The dependencies of a pyproject.toml: PEP 621 `project.dependencies` and
 * `optional-dependencies`, PEP 735 `dependency-groups`, and Poetry's
 * `tool.poetry` dependencies and groups.
 */
export function parsePyprojectToml(text: string): Dependency[] {
  const toml = parseToml(text);
  const dependencies: Dependency[] = [];
  const addSpecs = (list: unknown, scope?: string) => {
    for (const spec of Array.isArray(list) ? list : []) {
      if (
        typeof spec !== 'string' ||
        dependencies.length >= MAX_DEPENDENCIES_PER_FILE
      )
        continue;
      const dependency = fromRequirement(spec, scope);
      if (dependency) dependencies.push(dependency);
    }
  };
  const addTable = (
    table: Record<string, unknown> | undefined,
    scope?: string,
  ) => {
    for (const [name, value] of Object.entries(table ?? {})) {
      if (
        name.toLowerCase() === 'python' ||
        dependencies.length >= MAX_DEPENDENCIES_PER_FILE
      )
        continue;
      const version = tomlVersion(value);
      dependencies.push({
        name,
        ...(version ? { version } : {}),
        ...(scope ? { scope } : {}),
      });
    }
  };

  const project = tableAt(toml, 'project');
  addSpecs(project?.dependencies);
  for (const [group, list] of Object.entries(
    tableAt(toml, 'project', 'optional-dependencies') ?? {},
  )) {
    addSpecs(list, group);
  }
  for (const [group, list] of Object.entries(
    tableAt(toml, 'dependency-groups') ?? {},
  )) {
    addSpecs(list, group);
  }
  const poetry = tableAt(toml, 'tool', 'poetry');
  addTable(tableAt(poetry ?? {}, 'dependencies'));
  addTable(tableAt(poetry ?? {}, 'dev-dependencies'), 'dev');
  for (const [group, value] of Object.entries(
    tableAt(poetry ?? {}, 'group') ?? {},
  )) {
    if (isPlainObject(value)) addTable(tableAt(value, 'dependencies'), group);
  }
  return dependencies;
}

/** The packages and dev-packages of a Pipfile. */
export function parsePipfile(text: string): Dependency[] {
  const toml = parseToml(text);
  const dependencies: Dependency[] = [];
  for (const [section, scope] of [
    ['packages', undefined],
    ['dev-packages', 'dev'],
  ] as const) {
    for (const [name, value] of Object.entries(tableAt(toml, section) ?? {})) {
      if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) break;
      const given = tomlVersion(value);
      const version = given === '*' ? undefined : given;
      dependencies.push({
        name,
        ...(version ? { version } : {}),
        ...(scope ? { scope } : {}),
      });
    }
  }
  return dependencies;
}
