import fs from 'node:fs';
import path from 'node:path';
import { PatternDocument } from '@system-design/backstage-plugin-patterns-common';
import { PatternContent } from '@system-design/backstage-plugin-patterns-node';
import { PatternContentReader } from './PatternContentReader';

function reader(patterns: Array<{ id: string; aliases: string[] }>) {
  const content = {
    patterns: patterns as PatternDocument[],
    categories: [],
    scenarios: [],
    gaps: [],
  } as unknown as PatternContent;
  return new PatternContentReader({ getContent: async () => content });
}

describe('PatternContentReader', () => {
  it('finds an id before any alias, whatever the document order', async () => {
    const patterns = reader([
      { id: 'saga', aliases: ['timeout', 'compensation'] },
      { id: 'timeout', aliases: [] },
    ]);
    expect((await patterns.getPattern('timeout')).id).toBe('timeout');
    expect((await patterns.getPattern('Timeout')).id).toBe('timeout');
    expect((await patterns.getPattern('COMPENSATION')).id).toBe('saga');
    await expect(patterns.getPattern('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('is the only name the package uses for it, not the old one', () => {
    // "Catalog" in this package means Backstage's software catalog; the
    // content reader was once called Pattern + Catalog.
    const oldName = new RegExp(`\\b${'Pattern'}${'Catalog'}\\b`);
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.tsx?$/.test(entry.name) &&
          oldName.test(fs.readFileSync(file, 'utf8'))
        ) {
          offenders.push(path.relative(root, file));
        }
      }
    };
    walk(path.join(root, 'src'));
    walk(path.join(root, 'bench'));
    expect(offenders).toEqual([]);
  });
});
