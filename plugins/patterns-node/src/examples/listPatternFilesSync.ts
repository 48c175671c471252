import fs from 'node:fs';
import path from 'node:path';

export function listPatternFilesSync(directory: string): string[] {
  const root = path.join(directory, 'patterns');
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter(entry => entry.endsWith('.md'))
    .map(entry => path.join(root, entry))
    .sort();
}
