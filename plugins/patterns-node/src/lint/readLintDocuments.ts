import fs from 'node:fs/promises';
import { Lexer, type Token } from 'marked';
import {
  PatternFrontMatter,
  patternFrontMatterSchema,
  PatternSection,
} from '@system-design/backstage-plugin-patterns-common';
import { listPatternFiles } from '../content/readContentFiles';
import { splitFrontMatter } from '../content/splitFrontMatter';
import { splitSections } from '../content/splitSections';

/** A fenced code block (```lang) at the top level of a section. */
export interface LintCodeBlock {
  section: string;
  /** Lower-cased first word of the info string; '' when there is none. */
  language: string;
  text: string;
  /** 1-based line of the document where the block's first line of code is. */
  line: number;
}

/** One pattern document as the lint sees it, even when it is broken. */
export interface LintDocument {
  file: string;
  /** The front matter when it is valid; the structure rule reports it otherwise. */
  frontMatter?: PatternFrontMatter;
  /** The `##` sections as the loader splits them (prose and blocks). */
  sections: PatternSection[];
  codeBlocks: LintCodeBlock[];
  /** Top-level markdown tokens per `##` section title. */
  sectionTokens: Map<string, Token[]>;
  /** Text of `#` headings, which documents must not have. */
  topHeadings: string[];
}

/**
 * Reads every document below `<directory>/patterns`. A file without
 * readable front matter is left out: the structure rule already names it.
 */
export async function readLintDocuments(
  directory: string,
): Promise<LintDocument[]> {
  const documents: LintDocument[] = [];
  for (const file of await listPatternFiles(directory)) {
    const document = readLintDocument(file, await fs.readFile(file, 'utf8'));
    if (document) documents.push(document);
  }
  return documents;
}

export function readLintDocument(
  file: string,
  source: string,
): LintDocument | undefined {
  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(source);
  } catch {
    return undefined;
  }
  const parsed = patternFrontMatterSchema.safeParse(split.data ?? {});
  const bodyStart = source.length - split.body.length;
  const firstBodyLine = countLines(source.slice(0, bodyStart)) + 1;

  const codeBlocks: LintCodeBlock[] = [];
  const sectionTokens = new Map<string, Token[]>();
  const topHeadings: string[] = [];
  let section = '';
  let nextLine = firstBodyLine;
  for (const token of new Lexer().lex(split.body)) {
    // Top-level tokens' raw text covers the body exactly, so lines add up.
    const line = nextLine;
    nextLine += countLines(token.raw);
    if (token.type === 'heading' && token.depth === 1)
      topHeadings.push(token.text);
    if (token.type === 'heading' && token.depth === 2) {
      section = token.text.trim();
      sectionTokens.set(section, sectionTokens.get(section) ?? []);
      continue;
    }
    sectionTokens.get(section)?.push(token);
    if (token.type === 'code' && token.codeBlockStyle !== 'indented') {
      codeBlocks.push({
        section,
        language: (token.lang ?? '').trim().split(/\s+/)[0].toLowerCase(),
        text: token.text,
        line: line + leadingBlankLines(token.raw) + 1,
      });
    }
  }

  return {
    file,
    frontMatter: parsed.success ? parsed.data : undefined,
    sections: splitSections(split.body).sections,
    codeBlocks,
    sectionTokens,
    topHeadings,
  };
}

/** The prose of a document: its sections' markdown outside fenced code blocks. */
export function proseOf(sections: PatternSection[]): string {
  return sections
    .flatMap(s => s.blocks)
    .flatMap(b => (b.type === 'markdown' ? [b.text] : []))
    .join('\n\n');
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    lines++;
  return lines;
}

function leadingBlankLines(raw: string): number {
  return countLines(/^(?:[ \t]*\n)*/.exec(raw)![0]);
}
