import { z } from 'zod';

/** Turns zod issues into one readable sentence naming each field. */
export function describeSchemaIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => `${issue.path.join('.') || 'front matter'}: ${issue.message}`)
    .join('; ');
}
