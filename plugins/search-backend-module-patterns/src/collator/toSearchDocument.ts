import {
  PatternDocument,
  PatternSearchDocument,
} from '@system-design/backstage-plugin-patterns-common';

/** Markdown reduced to searchable words: no syntax, no URLs. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[`*_>#|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A pattern document as search indexes it: its prose, not its code. */
export function toSearchDocument(
  pattern: PatternDocument,
  categoryTitle: string,
  locationPrefix = '/patterns',
): PatternSearchDocument {
  const prose = pattern.sections
    .flatMap(section => [
      section.title,
      ...section.blocks.flatMap(block =>
        block.type === 'markdown' ? [markdownToText(block.text)] : [],
      ),
    ])
    .join(' ');
  return {
    title: pattern.title,
    text: [pattern.summary, pattern.bestFor, pattern.tradeoff, prose].join(' '),
    location: `${locationPrefix}/${pattern.id}`,
    patternId: pattern.id,
    category: categoryTitle,
    summary: pattern.summary,
    bestFor: pattern.bestFor,
    tradeoff: pattern.tradeoff,
  };
}
