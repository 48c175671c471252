import {
  Dependency,
  isPlainObject,
  MalformedFileError,
  MAX_DEPENDENCIES_PER_FILE,
} from './types';
import { parseXml, textOf } from './xml';

const PROJECT_ARRAYS = new Set(['ItemGroup', 'PackageReference']);

/** The PackageReference items of a .csproj / .fsproj / .vbproj. */
export function parseMsBuildProject(text: string): Dependency[] {
  const xml = parseXml(text, PROJECT_ARRAYS);
  const project = isPlainObject(xml) ? xml.Project : undefined;
  if (!isPlainObject(project)) {
    throw new MalformedFileError('no <Project> element');
  }
  const dependencies: Dependency[] = [];
  const groups = Array.isArray(project.ItemGroup) ? project.ItemGroup : [];
  for (const group of groups) {
    const references = isPlainObject(group)
      ? group.PackageReference
      : undefined;
    for (const reference of Array.isArray(references) ? references : []) {
      if (!isPlainObject(reference)) continue;
      const name = textOf(reference['@_Include']);
      if (!name) continue;
      const version =
        textOf(reference['@_Version']) ?? textOf(reference.Version);
      dependencies.push({ name, ...(version ? { version } : {}) });
      if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) return dependencies;
    }
  }
  return dependencies;
}

const PACKAGES_ARRAYS = new Set(['package']);

/** The packages of a classic packages.config. */
export function parsePackagesConfig(text: string): Dependency[] {
  const xml = parseXml(text, PACKAGES_ARRAYS);
  const root = isPlainObject(xml) ? xml.packages : undefined;
  if (root === undefined || root === '') return [];
  if (!isPlainObject(root)) {
    throw new MalformedFileError('no <packages> element');
  }
  const dependencies: Dependency[] = [];
  for (const item of Array.isArray(root.package) ? root.package : []) {
    if (!isPlainObject(item)) continue;
    const name = textOf(item['@_id']);
    if (!name) continue;
    const version = textOf(item['@_version']);
    dependencies.push({ name, ...(version ? { version } : {}) });
    if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) break;
  }
  return dependencies;
}
