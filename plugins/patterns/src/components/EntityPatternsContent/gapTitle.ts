import {
  PatternGap,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';

/** e.g. "Retry with Backoff without Timeout", "Two-Phase Commit". */
export function gapTitle(
  gap: PatternGap,
  patterns: ReadonlyMap<string, PatternSummary>,
): string {
  const title = (id: string) => patterns.get(id)?.title ?? id;
  const uses = gap.uses.map(title).join(' + ');
  return gap.missing.length > 0
    ? `${uses} without ${gap.missing.map(title).join(' or ')}`
    : uses;
}
