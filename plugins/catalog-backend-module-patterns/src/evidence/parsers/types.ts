/** One dependency a manifest declares. */
export interface Dependency {
  /** As the ecosystem writes it: `opossum`, `io.grpc:grpc-stub`, `google.golang.org/grpc`. */
  name: string;
  version?: string;
  /** How it is declared when that matters: `dev`, `optional`, `test`. */
  scope?: string;
}

/** A file that cannot be parsed: a warning on the entity, never a failed run. */
export class MalformedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFileError';
  }
}

/** The most dependencies taken from one file, so no manifest can make the work unbounded. */
export const MAX_DEPENDENCIES_PER_FILE = 5000;

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first line of an error message, shortened, for a warning. */
export function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find(l => l.trim()) ?? text;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line.trim();
}
