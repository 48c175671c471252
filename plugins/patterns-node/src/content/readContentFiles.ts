import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** Every `.md` file below `<directory>/patterns`, sorted for a stable order. */
export async function listPatternFiles(directory: string): Promise<string[]> {
  const root = path.join(directory, 'patterns');
  let entries: string[];
  try {
    entries = await fs.readdir(root, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return entries
    .filter(entry => entry.endsWith('.md'))
    .map(entry => path.join(root, entry))
    .sort();
}

/** Reads a YAML file of the content directory, or undefined when absent. */
export async function readOptionalYaml(
  file: string,
): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parse(text);
}
