import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedFileError } from './types';

/**
 * Parses XML into plain objects: attributes as `@_name`, the listed
 * elements always as arrays, values as text. Entities are not expanded and
 * there is no DTD processing, so a hostile file cannot make it expand.
 */
export function parseXml(text: string, arrays: ReadonlySet<string>): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new MalformedFileError(
      `not valid XML (${valid.err.msg} at line ${valid.err.line})`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    isArray: name => arrays.has(name),
  });
  return parser.parse(text);
}

/** The text of an element that may carry attributes (`#text`) or be plain. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) {
    return textOf((value as Record<string, unknown>)['#text']);
  }
  return undefined;
}
