import {
  Dependency,
  MalformedFileError,
  MAX_DEPENDENCIES_PER_FILE,
} from './types';

const KNOWN_DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'godebug',
]);

const MODULE_PATH = /^[A-Za-z0-9._~+\-/]+$/;

/**
 * The direct requirements of a go.mod; `// indirect` ones are left out
 * (the service itself does not import them).
 */
export function parseGoMod(text: string): Dependency[] {
  const dependencies: Dependency[] = [];
  let inRequire = false;
  let sawDirective = false;
  for (const raw of text.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inRequire) {
      if (line === ')') {
        inRequire = false;
        continue;
      }
      addRequirement(line, indirect);
      continue;
    }
    const [directive, ...rest] = line.split(/\s+/);
    // Directives this does not know (newer Go versions add some) are skipped.
    if (KNOWN_DIRECTIVES.has(directive)) sawDirective = true;
    if (directive !== 'require') continue;
    if (rest.join(' ') === '(') inRequire = true;
    else addRequirement(rest.join(' '), indirect);
  }
  if (!sawDirective)
    throw new MalformedFileError('no module, go or require directive');
  return dependencies;

  function addRequirement(spec: string, indirect: boolean) {
    if (indirect || dependencies.length >= MAX_DEPENDENCIES_PER_FILE) return;
    const [path, version] = spec.split(/\s+/);
    if (!path || !MODULE_PATH.test(path)) return;
    dependencies.push({
      name: path.replace(/^"|"$/g, ''),
      ...(version ? { version } : {}),
    });
  }
}
