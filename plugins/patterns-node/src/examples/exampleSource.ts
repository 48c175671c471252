import fs from 'node:fs';
import path from 'node:path';
import { builtInContentDirectory } from '../content/builtInContentDirectory';
import { listPatternFilesSync } from './listPatternFilesSync';
import { parsePatternDocument } from '../content/parsePatternDocument';

const TYPESCRIPT = new Set(['ts', 'typescript']);

/** Where a built-in pattern document lives. */
export function patternFile(id: string): string {
  const file = listPatternFilesSync(builtInContentDirectory()).find(
    f => path.basename(f, '.md') === id,
  );
  if (!file) throw new Error(`No built-in pattern document with id "${id}"`);
  return file;
}

/**
 * The TypeScript module a document's example forms: all its ```ts blocks,
 * in order, joined. The document is the one source of the code.
 */
export function exampleSource(file: string): string {
  const document = parsePatternDocument(fs.readFileSync(file, 'utf8'), file);
  return document.sections
    .flatMap(section => section.blocks)
    .flatMap(block =>
      block.type === 'code' && TYPESCRIPT.has(block.language)
        ? [block.text]
        : [],
    )
    .join('\n\n');
}
