import { InputError } from '@backstage/errors';

/**
 * The longest text each action input accepts. The schemas say so in their
 * descriptions, and the actions check it themselves, so an over-long value
 * is refused with a message that names the field and the limit rather than
 * the registry's generic "Invalid input".
 */
export const INPUT_LIMITS = {
  /** A pattern, question, concern or category id. */
  id: 100,
  /** A free-text search. */
  query: 200,
  /** An answer label. */
  label: 300,
  /** An entity ref, `kind:namespace/name`. */
  entityRef: 300,
  /** Answers in one recommendation. */
  answers: 64,
  /** Walks (the start and concerns) in one recommendation. */
  concerns: 8,
  /** Section titles asked for in one call. */
  sections: 20,
} as const;

/** Refuses a text longer than `max` characters, naming the field. */
export function checkLength(field: string, value: string, max: number): string {
  if (value.length > max) {
    throw new InputError(
      `${field} is ${value.length.toLocaleString(
        'en-US',
      )} characters long; at most ${max} are accepted`,
    );
  }
  return value;
}

/** Refuses a list longer than `max` items, naming the field. */
export function checkCount<T>(
  field: string,
  values: readonly T[],
  max: number,
): readonly T[] {
  if (values.length > max) {
    throw new InputError(
      `${field} has ${values.length.toLocaleString(
        'en-US',
      )} items; at most ${max} are accepted`,
    );
  }
  return values;
}

/** `"a", "b" and 3 more`: a bounded list of names for an error message. */
export function listForMessage(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map(v => JSON.stringify(v));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/**
 * A service's answer as an action's output: its JSON copy, so the action
 * answers exactly what the REST route serializes, fields added to the model
 * later included (the output schemas let unknown fields through).
 */
export function asJsonOutput<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
