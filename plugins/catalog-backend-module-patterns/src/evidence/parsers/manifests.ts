import { parseAllDocuments } from 'yaml';
import { isPlainObject, MalformedFileError, shortReason } from './types';

/** The most documents taken from one file (a `List` counts its items). */
export const MAX_DOCUMENTS_PER_FILE = 500;

export interface ParsedDocuments {
  documents: unknown[];
  /** Why some documents of the file were left out, if any were. */
  problem?: string;
}

/**
 * Whether a YAML file is a template (Helm, Jinja, …) rather than a manifest:
 * it is not parsed, and that is not a problem.
 */
export function isTemplated(text: string): boolean {
  return /\{\{|\{%/.test(text);
}

/**
 * The documents of a YAML (several, separated by `---`) or JSON file,
 * `kind: List` items flattened. A document that does not parse is left out
 * and named in `problem`; a file with no usable document at all is a
 * MalformedFileError. Aliases are bounded by the YAML parser.
 */
export function parseManifestDocuments(
  text: string,
  isJson: boolean,
): ParsedDocuments {
  const documents: unknown[] = [];
  const add = (value: unknown) => {
    if (documents.length >= MAX_DOCUMENTS_PER_FILE) return;
    if (
      isPlainObject(value) &&
      value.kind === 'List' &&
      Array.isArray(value.items)
    ) {
      value.items.forEach(add);
      return;
    }
    if (value !== null && value !== undefined) documents.push(value);
  };

  if (isJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new MalformedFileError(`not valid JSON (${shortReason(e)})`);
    }
    (Array.isArray(value) ? value : [value]).forEach(add);
    return { documents };
  }

  let problem: string | undefined;
  let parsed;
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false });
  } catch (e) {
    throw new MalformedFileError(`not valid YAML (${shortReason(e)})`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const [index, document] of list.entries()) {
    if (document.errors.length > 0) {
      problem ??= `document ${index + 1} is not valid YAML (${shortReason(
        document.errors[0].message,
      )})`;
      continue;
    }
    try {
      add(document.toJS({ maxAliasCount: 100 }));
    } catch (e) {
      problem ??= `document ${index + 1} could not be read (${shortReason(e)})`;
    }
  }
  if (problem && documents.length === 0) throw new MalformedFileError(problem);
  return { documents, problem };
}
