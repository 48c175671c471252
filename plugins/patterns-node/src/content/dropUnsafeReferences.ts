import {
  isSafeHref,
  PatternDocument,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';

/**
 * Drops, and reports, references that are not safe to render as links
 * (`javascript:`, `data:`, …). The lint is stricter: it wants https URLs.
 */
export function dropUnsafeReferences(
  document: PatternDocument,
  file: string,
  problems: ContentProblem[],
): void {
  document.references = document.references.filter(reference => {
    if (isSafeHref(reference) && /^https?:\/\//i.test(reference)) return true;
    problems.push({
      file,
      message: `reference ${JSON.stringify(
        reference.slice(0, 80),
      )} is not an http(s) URL; it is left out`,
    });
    return false;
  });
}
