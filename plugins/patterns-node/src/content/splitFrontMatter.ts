import { parse } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` YAML front matter from the markdown body. */
export function splitFrontMatter(source: string): {
  data: unknown;
  body: string;
} {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    throw new Error('no YAML front matter: the file must start with ---');
  }
  let data: unknown;
  try {
    data = parse(match[1]);
  } catch (e) {
    throw new Error(`front matter is not valid YAML: ${(e as Error).message}`);
  }
  return { data, body: source.slice(match[0].length) };
}
