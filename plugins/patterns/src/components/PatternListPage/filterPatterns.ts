import { PatternSummary } from '@system-design/backstage-plugin-patterns-common';

/** Patterns whose words or category match the filter; an empty filter keeps all. */
export function filterPatterns(
  patterns: PatternSummary[],
  filter: { text?: string; category?: string },
): PatternSummary[] {
  const words = (filter.text ?? '')
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean);
  return patterns.filter(pattern => {
    if (filter.category && pattern.category !== filter.category) return false;
    const haystack = [
      pattern.id,
      pattern.title,
      pattern.bestFor,
      pattern.tradeoff,
      pattern.summary,
      ...pattern.aliases,
    ]
      .join(' ')
      .toLocaleLowerCase('en-US');
    return words.every(word => haystack.includes(word));
  });
}
