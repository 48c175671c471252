import { parse } from 'smol-toml';
import { isPlainObject, MalformedFileError, shortReason } from './types';

/** Parses TOML into a plain object, or fails with a MalformedFileError. */
export function parseToml(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    throw new MalformedFileError(`not valid TOML (${shortReason(e)})`);
  }
  if (!isPlainObject(value)) throw new MalformedFileError('not a TOML table');
  return value;
}

/** `obj.a.b.c` when every step is a table, else undefined. */
export function tableAt(
  value: Record<string, unknown>,
  ...keys: string[]
): Record<string, unknown> | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return isPlainObject(current) ? current : undefined;
}
