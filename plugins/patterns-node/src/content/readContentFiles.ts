import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ContentProblem } from './ContentProblem';
import { describeSchemaIssues } from './describeSchemaIssues';
import { isFileSystemError } from './fsErrors';

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

/**
 * Reads and validates one YAML file of a content directory: undefined when
 * it is absent, or invalid (reported in `problems`); a file-system error is
 * thrown, so the caller can treat the directory as unreadable.
 */
export async function readCatalogFile<T>(
  file: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  problems: ContentProblem[],
): Promise<T | undefined> {
  let data: unknown;
  try {
    data = await readOptionalYaml(file);
  } catch (e) {
    if (isFileSystemError(e)) throw e;
    problems.push({ file, message: `not valid YAML: ${(e as Error).message}` });
    return undefined;
  }
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    problems.push({ file, message: describeSchemaIssues(parsed.error) });
    return undefined;
  }
  return parsed.data;
}
