import {
  Dependency,
  isPlainObject,
  MalformedFileError,
  MAX_DEPENDENCIES_PER_FILE,
} from './types';
import { parseXml, textOf } from './xml';

const ARRAYS = new Set(['dependency', 'profile']);

/**
 * The dependencies of a pom.xml (the project's and its profiles'; managed
 * versions in dependencyManagement are declarations, not uses), as
 * `groupId:artifactId` with the version, `${property}` placeholders
 * resolved from the pom's own properties.
 */
export function parsePomXml(text: string): Dependency[] {
  const xml = parseXml(text, ARRAYS);
  const project = isPlainObject(xml) ? xml.project : undefined;
  if (!isPlainObject(project)) {
    throw new MalformedFileError('no <project> element');
  }
  const properties: Record<string, string> = {};
  if (isPlainObject(project.properties)) {
    for (const [key, value] of Object.entries(project.properties)) {
      const property = textOf(value);
      if (property !== undefined) properties[key] = property;
    }
  }
  const projectVersion = textOf(project.version);
  if (projectVersion) properties['project.version'] = projectVersion;

  const sections: unknown[] = [project.dependencies];
  const profiles = isPlainObject(project.profiles)
    ? project.profiles.profile
    : undefined;
  for (const profile of Array.isArray(profiles) ? profiles : []) {
    if (isPlainObject(profile)) sections.push(profile.dependencies);
  }

  const dependencies: Dependency[] = [];
  for (const section of sections) {
    const list = isPlainObject(section) ? section.dependency : undefined;
    for (const item of Array.isArray(list) ? list : []) {
      if (!isPlainObject(item)) continue;
      const groupId = textOf(item.groupId);
      const artifactId = textOf(item.artifactId);
      if (!groupId || !artifactId) continue;
      const version = resolve(textOf(item.version), properties);
      const scope = textOf(item.scope);
      dependencies.push({
        name: `${groupId}:${artifactId}`,
        ...(version ? { version } : {}),
        ...(scope && scope !== 'compile' ? { scope } : {}),
      });
      if (dependencies.length >= MAX_DEPENDENCIES_PER_FILE) return dependencies;
    }
  }
  return dependencies;
}

function resolve(
  value: string | undefined,
  properties: Record<string, string>,
) {
  return value?.replace(
    /\$\{([^}]+)\}/g,
    (whole, key: string) => properties[key] ?? whole,
  );
}
