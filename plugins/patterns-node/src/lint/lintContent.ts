import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ContentProblem } from '../content/ContentProblem';
import { loadPatternContent } from '../content/loadPatternContent';
import { findMermaidErrors } from './checkMermaid';
import { checkOneSidedLinks } from './checkOneSidedLinks';
import { checkEvidenceRules } from './checkEvidenceRules';
import { typeCheckModules } from './checkTypeScript';
import {
  checkFormat,
  checkLayout,
  checkLinks,
  checkOperationsSections,
  checkRealWorldSources,
  checkReferences,
  checkSectionLinks,
  checkWordFloor,
  Report,
} from './documentRules';
import { LINT_RULES, LintFinding, LintRule } from './LintFinding';
import {
  LintCodeBlock,
  LintDocument,
  readLintDocuments,
} from './readLintDocuments';

export interface LintOptions {
  /** Run only these rules (default: all of LINT_RULES). */
  rules?: readonly LintRule[];
  /** Findings name files relative to this (default: the content directory's parent). */
  baseDirectory?: string;
}

const TYPESCRIPT = new Set(['ts', 'typescript']);
const YAML = new Set(['yaml', 'yml']);

/**
 * Lints a content directory (`categories.yaml`, `patterns/<category>/<id>.md`)
 * and returns everything wrong with it, each finding naming its file and
 * rule. The loader's own checks come first, then the ones an author can only
 * see by reading the whole catalog or running the code: links declared on
 * one side only, thin prose, uncited numbers, diagrams Mermaid rejects,
 * examples that do not type-check, YAML that does not parse.
 */
export async function lintContentDirectory(
  directory: string,
  options: LintOptions = {},
): Promise<LintFinding[]> {
  const enabled = new Set<LintRule>(options.rules ?? LINT_RULES);
  const base = options.baseDirectory ?? path.dirname(path.resolve(directory));
  const fileName = (file: string) =>
    path.relative(base, path.resolve(file)).split(path.sep).join('/');
  const findings: LintFinding[] = [];
  const reporter =
    (document: LintDocument): Report =>
    (rule, message) =>
      findings.push({ file: fileName(document.file), rule, message });

  const content = await loadPatternContent([directory]);
  for (const problem of content.problems) {
    // The references rule below reports these, and more strictly (https only).
    if (problem.message.startsWith('reference ')) continue;
    findings.push({
      file: fileName(problem.file),
      rule: ruleOfProblem(problem),
      message: problem.message,
    });
  }

  const documents = await readLintDocuments(directory);
  const mermaid = enabled.has('mermaid')
    ? lintMermaid(documents, reporter)
    : Promise.resolve();
  for (const document of documents) {
    const report = reporter(document);
    checkLayout(document, directory, report);
    checkFormat(document, report);
    checkWordFloor(document, report);
    checkReferences(document, report);
    checkRealWorldSources(document, report);
    checkSectionLinks(document, report);
    checkLinks(document, report);
    checkOperationsSections(document, report);
    lintYaml(document, report);
  }
  findings.push(...checkOneSidedLinks(documents, fileName));
  findings.push(...(await checkEvidenceRules(directory, fileName)));
  if (enabled.has('typescript')) lintTypeScript(documents, reporter);
  await mermaid;

  const order = (f: LintFinding) => LINT_RULES.indexOf(f.rule);
  return findings
    .filter(f => enabled.has(f.rule))
    .sort((a, b) => a.file.localeCompare(b.file) || order(a) - order(b));
}

function ruleOfProblem(problem: ContentProblem): LintRule {
  if (path.basename(problem.file) === 'evidence.yaml') return 'evidence';
  if (problem.message.startsWith('unknown category')) return 'unknown-category';
  if (/^related pattern ".*" does not exist$/.test(problem.message)) {
    return 'dangling-related';
  }
  if (problem.message.startsWith('duplicate id')) return 'duplicate-id';
  return 'structure';
}

function lintYaml(document: LintDocument, report: Report) {
  for (const block of document.codeBlocks.filter(b => YAML.has(b.language))) {
    for (const parsed of parseAllDocuments(block.text)) {
      for (const error of parsed.errors) {
        const at = error.linePos?.[0]?.line;
        report(
          'yaml',
          `\`\`\`yaml block at line ${block.line} does not parse${
            at ? ` (document line ${block.line + at - 1})` : ''
          }: ${error.message.split('\n')[0]}`,
        );
      }
    }
  }
}

async function lintMermaid(
  documents: LintDocument[],
  reporter: (document: LintDocument) => Report,
) {
  const diagrams = documents.flatMap((document, d) =>
    document.codeBlocks
      .map((block, b) => ({ key: `${d}:${b}`, block }))
      .filter(({ block }) => block.language === 'mermaid'),
  );
  const errors = await findMermaidErrors(
    diagrams.map(({ key, block }) => ({ key, text: block.text })),
  );
  for (const { key, block } of diagrams) {
    const error = errors.get(key);
    if (error === undefined) continue;
    const lines = error
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean);
    const at = /on line (\d+)/.exec(lines[0] ?? '');
    // An error at the end of the diagram is reported one line past its text.
    const last = block.text.split('\n').length;
    const where = at
      ? `document line ${block.line + Math.min(Number(at[1]), last) - 1}`
      : `block at line ${block.line}`;
    reporter(documents[Number(key.split(':')[0])])(
      'mermaid',
      `\`\`\`mermaid diagram in ${
        block.section || 'the document'
      } does not parse (${where}): ${lines.slice(0, 4).join(' ')}`,
    );
  }
}

function lintTypeScript(
  documents: LintDocument[],
  reporter: (document: LintDocument) => Report,
) {
  const examples = documents
    .map(document => ({
      document,
      blocks: document.codeBlocks.filter(b => TYPESCRIPT.has(b.language)),
    }))
    .filter(({ blocks }) => blocks.length > 0)
    .map(({ document, blocks }, index) => ({
      key: String(index),
      document,
      ...joinBlocks(blocks),
    }));
  for (const example of examples) {
    if (!/\bexport\b/.test(example.source)) {
      reporter(example.document)(
        'typescript',
        'the ```ts example exports nothing; export its main classes and functions',
      );
    }
  }
  for (const diagnostic of typeCheckModules(examples)) {
    const example = examples[Number(diagnostic.key)];
    const where =
      diagnostic.line === undefined
        ? ''
        : ` at document line ${example.documentLine(diagnostic.line)} (line ${
            diagnostic.line
          } of the joined \`\`\`ts blocks)`;
    reporter(example.document)(
      'typescript',
      `type error${where}: ${diagnostic.message}`,
    );
  }
}

/**
 * Joins a document's ```ts blocks the way exampleSource does (in order,
 * separated by a blank line) and maps lines of the result back to the document.
 */
export function joinBlocks(blocks: LintCodeBlock[]) {
  const starts: number[] = [];
  let next = 1;
  for (const block of blocks) {
    starts.push(next);
    next += block.text.split('\n').length + 1;
  }
  return {
    source: blocks.map(b => b.text).join('\n\n'),
    documentLine(line: number): number {
      let i = starts.length - 1;
      while (i > 0 && starts[i] > line) i--;
      return blocks[i].line + (line - starts[i]);
    },
  };
}
