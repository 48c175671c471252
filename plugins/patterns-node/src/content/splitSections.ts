import { Lexer, type Token } from 'marked';
import {
  PatternBlock,
  PatternSection,
  sectionSlug,
} from '@system-design/backstage-plugin-patterns-common';

export interface SplitSections {
  sections: PatternSection[];
  /** Anything but blank lines before the first `##` heading. */
  preamble: string;
}

/**
 * Splits a markdown body at its `##` headings; each section keeps its
 * markdown and is cut into prose, Mermaid and code blocks.
 */
export function splitSections(body: string): SplitSections {
  const tokens = new Lexer().lex(body);
  const sections: PatternSection[] = [];
  let preamble = '';
  let current: { title: string; tokens: Token[] } | undefined;

  const close = () => {
    if (current) sections.push(toSection(current.title, current.tokens));
  };
  for (const token of tokens) {
    if (token.type === 'heading' && token.depth === 2) {
      close();
      current = { title: token.text.trim(), tokens: [] };
    } else if (current) {
      current.tokens.push(token);
    } else if (token.type !== 'space') {
      preamble += token.raw;
    }
  }
  close();
  return { sections, preamble: preamble.trim() };
}

function toSection(title: string, tokens: Token[]): PatternSection {
  const blocks: PatternBlock[] = [];
  let prose = '';
  const flushProse = () => {
    if (prose.trim()) blocks.push({ type: 'markdown', text: prose.trim() });
    prose = '';
  };
  for (const token of tokens) {
    if (token.type === 'code' && token.codeBlockStyle !== 'indented') {
      flushProse();
      const language = (token.lang ?? '').trim().split(/\s+/)[0].toLowerCase();
      blocks.push(
        language === 'mermaid'
          ? { type: 'mermaid', text: token.text }
          : { type: 'code', language: language || 'text', text: token.text },
      );
    } else {
      prose += token.raw;
    }
  }
  flushProse();
  return {
    id: sectionSlug(title),
    title,
    markdown: tokens
      .map(t => t.raw)
      .join('')
      .trim(),
    blocks,
  };
}
