import {
  Dependency,
  isPlainObject,
  MalformedFileError,
  MAX_DEPENDENCIES_PER_FILE,
  shortReason,
} from './types';

const FIELDS: Array<[string, string | undefined]> = [
  ['dependencies', undefined],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
];

/** The dependencies, devDependencies and optionalDependencies of a package.json. */
export function parsePackageJson(text: string): Dependency[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MalformedFileError(`not valid JSON (${shortReason(e)})`);
  }
  if (!isPlainObject(json)) {
    throw new MalformedFileError('not a JSON object');
  }
  const dependencies: Dependency[] = [];
  for (const [field, scope] of FIELDS) {
    const section = json[field];
    if (section === undefined) continue;
    if (!isPlainObject(section)) {
      throw new MalformedFileError(`"${field}" is not an object`);
    }
    for (const [name, version] of Object.entries(section)) {
      if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) return dependencies;
      dependencies.push({
        name,
        ...(typeof version === 'string' ? { version } : {}),
        ...(scope ? { scope } : {}),
      });
    }
  }
  return dependencies;
}
