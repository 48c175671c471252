import path from 'node:path';
import {
  isHttpsUrl,
  isSafeHref,
  PATTERN_OPERATIONS_SUBSECTIONS,
} from '@system-design/backstage-plugin-patterns-common';
import { LintRule } from './LintFinding';
import { LintDocument, proseOf } from './readLintDocuments';

export type Report = (rule: LintRule, message: string) => void;

export const MIN_PROSE_WORDS = 700;
export const MIN_REAL_WORLD_SOURCES = 2;

const WORD = /[A-Za-z0-9][\w'’/-]*/g;

/** Words of prose: tokens of the markdown outside fenced code blocks. */
export function countProseWords(document: LintDocument): number {
  return proseOf(document.sections).match(WORD)?.length ?? 0;
}

export function checkWordFloor(document: LintDocument, report: Report) {
  const words = countProseWords(document);
  if (words < MIN_PROSE_WORDS) {
    report(
      'word-floor',
      `only ${words} words of prose outside code blocks; at least ${MIN_PROSE_WORDS} are needed`,
    );
  }
}

/**
 * Numbers that read like cited facts: a number with a unit (`40%`, `250 ms`,
 * `3 calls`, `10x`) or any number of 2 or more. Code spans, link targets and
 * bare URLs are ignored, as is a number glued to a word, a slash or a dot
 * (`HTTP/2`, `v1.2`, `S3`).
 */
export function factLikeNumbers(prose: string): string[] {
  const text = prose
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\bhttps?:\/\/\S+/g, ' ');
  const found: string[] = [];
  const number =
    /(?<![\w./-])(\d+(?:[.,]\d+)*)(\s*(?:%|ms\b|s\b|seconds?\b|minutes?\b|hours?\b|calls\b|requests\b|x\b|×))?(?![\w])/g;
  for (const match of text.matchAll(number)) {
    const value = Number(match[1].replace(/,/g, ''));
    if (match[2] || value >= 2) found.push(match[0].trim());
  }
  return found;
}

/**
 * A document whose prose cites numbers must list its sources in
 * `references`, and every source link of Real-World Examples must be there too.
 */
export function checkReferences(document: LintDocument, report: Report) {
  const references = document.frontMatter?.references;
  if (!references) return;
  if (references.length === 0) {
    const facts = factLikeNumbers(proseOf(document.sections));
    if (facts.length > 0) {
      report(
        'references',
        `the prose cites numbers (${facts
          .slice(0, 3)
          .map(f => `"${f}"`)
          .join(', ')}${
          facts.length > 3 ? ', …' : ''
        }) but front matter \`references\` is empty; list the public sources`,
      );
    }
  }
  for (const reference of references) {
    if (!isHttpsUrl(reference)) {
      report(
        'references',
        `reference ${JSON.stringify(
          reference.slice(0, 80),
        )} is not an https URL`,
      );
    }
  }
  const listed = new Set(references.map(normalizeUrl));
  for (const url of realWorldSources(document)) {
    if (!listed.has(normalizeUrl(url))) {
      report(
        'references',
        `Real-World Examples links ${url}, which front matter \`references\` does not list`,
      );
    }
  }
}

/** The distinct http(s) link targets in the prose of Real-World Examples. */
export function realWorldSources(document: LintDocument): string[] {
  const section = document.sections.find(
    s => s.title === 'Real-World Examples',
  );
  if (!section) return [];
  const links = proseOf([section]).matchAll(/\]\((https?:\/\/[^)\s]+)/g);
  return [...new Set([...links].map(m => m[1]))];
}

export function checkRealWorldSources(document: LintDocument, report: Report) {
  if (!document.sections.some(s => s.title === 'Real-World Examples')) return;
  const sources = realWorldSources(document);
  if (sources.length < MIN_REAL_WORLD_SOURCES) {
    report(
      'real-world-sources',
      `Real-World Examples links ${sources.length} public source${
        sources.length === 1 ? '' : 's'
      } ([text](https://…)); at least ${MIN_REAL_WORLD_SOURCES} are needed`,
    );
  }
}

/** Related Patterns links `/patterns/<id>` for exactly the front matter's related ids. */
export function checkSectionLinks(document: LintDocument, report: Report) {
  const related = document.frontMatter?.related;
  const section = document.sections.find(s => s.title === 'Related Patterns');
  if (!related || !section) return;
  const linked = new Set(
    [
      ...section.markdown.matchAll(
        /\]\(\/patterns\/([a-z0-9-]+)(?:[#?][^)]*)?\)/g,
      ),
    ].map(m => m[1]),
  );
  for (const link of related) {
    if (!linked.has(link.id)) {
      report(
        'section-links',
        `Related Patterns has no link to /patterns/${link.id} (front matter relates it as ${link.relation})`,
      );
    }
  }
  const declared = new Set(related.map(l => l.id));
  for (const id of linked) {
    if (!declared.has(id)) {
      report(
        'section-links',
        `Related Patterns links /patterns/${id}, which front matter \`related\` does not list`,
      );
    }
  }
}

/** Every markdown link target in the prose: `[text](target)` and `<target>` autolinks. */
function linkTargets(prose: string): string[] {
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)/g)].map(m => m[1]);
  const auto = [...prose.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)].map(
    m => m[1],
  );
  const defined = [
    ...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/gm),
  ].map(m => m[1]);
  return [...inline, ...auto, ...defined];
}

/** No `javascript:`, `data:` or other unsafe link in the prose. */
export function checkLinks(document: LintDocument, report: Report) {
  for (const target of new Set(linkTargets(proseOf(document.sections)))) {
    if (!isSafeHref(target)) {
      report(
        'unsafe-link',
        `link ${JSON.stringify(
          target.slice(0, 80),
        )} uses a scheme that is never rendered as a link; use https`,
      );
    }
  }
}

/** The operations subsections: failure modes and monitoring under How It Works, testing under Implementation Example. */
export function checkOperationsSections(
  document: LintDocument,
  report: Report,
) {
  for (const [title, subsections] of Object.entries(
    PATTERN_OPERATIONS_SUBSECTIONS,
  )) {
    const section = document.sections.find(s => s.title === title);
    if (!section) continue;
    for (const subsection of subsections ?? []) {
      const heading = new RegExp(`^###\\s+${subsection}\\s*$`, 'm');
      if (!heading.test(section.markdown)) {
        report(
          'operations',
          `section "## ${title}" has no "### ${subsection}" subsection`,
        );
      }
    }
  }
}

/** `patterns/<category>/<id>.md`, so files are easy to find. */
export function checkLayout(
  document: LintDocument,
  directory: string,
  report: Report,
) {
  const meta = document.frontMatter;
  if (!meta) return;
  const actual = path
    .relative(path.join(directory, 'patterns'), document.file)
    .split(path.sep)
    .join('/');
  const expected = `${meta.category}/${meta.id}.md`;
  if (actual !== expected) {
    report(
      'layout',
      `a document with id "${meta.id}" in category "${meta.category}" belongs at patterns/${expected}, not patterns/${actual}`,
    );
  }
}

export function checkFormat(document: LintDocument, report: Report) {
  for (const heading of document.topHeadings) {
    report(
      'format',
      `"# ${heading}" is a # heading; the title comes from the front matter, use ### inside sections`,
    );
  }
  const prosAndCons = document.sectionTokens.get('Pros and Cons');
  if (prosAndCons && !prosAndCons.some(t => t.type === 'table')) {
    report('format', 'Pros and Cons has no markdown table');
  }
  if (
    document.sectionTokens.has('Implementation Example') &&
    !document.codeBlocks.some(
      b =>
        b.section === 'Implementation Example' &&
        ['ts', 'typescript', 'yaml', 'yml'].includes(b.language),
    )
  ) {
    report(
      'format',
      'Implementation Example has no ```ts or ```yaml block (TypeScript for code, YAML for infrastructure)',
    );
  }
}

function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
