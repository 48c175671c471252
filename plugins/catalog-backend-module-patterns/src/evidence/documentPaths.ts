import { isPlainObject } from './parsers/types';

/** The most nodes visited when searching one document for a value. */
const MAX_VISITED = 20_000;
const MAX_DEPTH = 32;

/**
 * The values at `path` in a document. A list on the way is searched
 * element by element unless the key is an index, so
 * `spec.template.spec.containers.readinessProbe` finds every container's.
 */
export function valuesAt(
  document: unknown,
  path: readonly string[],
): unknown[] {
  let current: unknown[] = [document];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        if (/^\d+$/.test(key)) {
          if (Number(key) < value.length) next.push(value[Number(key)]);
        } else {
          for (const item of value) {
            if (isPlainObject(item) && key in item) next.push(item[key]);
          }
        }
      } else if (
        isPlainObject(value) &&
        Object.prototype.hasOwnProperty.call(value, key)
      ) {
        next.push(value[key]);
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current.filter(value => value !== undefined && value !== null);
}

/**
 * The path (below `value`) of the first string equal to one of `wanted`,
 * searched depth-first within bounds, or undefined.
 */
export function findStringValue(
  value: unknown,
  wanted: ReadonlySet<string>,
): { path: string[]; value: string } | undefined {
  let visited = 0;
  const search = (
    node: unknown,
    path: string[],
  ): { path: string[]; value: string } | undefined => {
    if (++visited > MAX_VISITED || path.length > MAX_DEPTH) return undefined;
    if (typeof node === 'string') {
      return wanted.has(node.trim()) ? { path, value: node.trim() } : undefined;
    }
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) {
        const found = search(item, [...path, String(i)]);
        if (found) return found;
      }
      return undefined;
    }
    if (isPlainObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        const found = search(item, [...path, key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(value, []);
}

/** `spec.strategy.canary`; a key with dots or spaces is quoted: `metadata.annotations["sidecar.istio.io/inject"]`. */
export function formatPath(path: readonly string[]): string {
  return path
    .map((key, i) =>
      /^[A-Za-z0-9_-]+$/.test(key)
        ? `${i === 0 ? '' : '.'}${key}`
        : `[${JSON.stringify(key)}]`,
    )
    .join('');
}
