/** A document's trade-offs as lists, read from its Pros and Cons table. */
export interface ProsAndCons {
  pros: string[];
  cons: string[];
}

const PRO = /\b(pros?|benefits?|advantages?|good)\b/i;
const CON = /\b(cons?|costs?|drawbacks?|disadvantages?|bad)\b/i;

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map(cell => cell.trim());
}

/**
 * Reads the first markdown table of a Pros and Cons section: a column headed
 * Pros/Benefit and one headed Cons/Cost, with an optional first column that
 * names the aspect ("Caching: …"). Empty for anything else.
 */
export function prosAndConsOf(markdown: string): ProsAndCons {
  const rows = markdown.split('\n').filter(line => line.trim().startsWith('|'));
  if (rows.length < 3) return { pros: [], cons: [] };
  const header = cells(rows[0]);
  const pro = header.findIndex(cell => PRO.test(cell));
  const con = header.findIndex(cell => CON.test(cell));
  if (pro < 0 || con < 0) return { pros: [], cons: [] };
  const aspect = [pro, con].includes(0) ? -1 : 0;
  const result: ProsAndCons = { pros: [], cons: [] };
  for (const row of rows.slice(2)) {
    const values = cells(row);
    const prefix = aspect >= 0 && values[aspect] ? `${values[aspect]}: ` : '';
    if (values[pro]) result.pros.push(`${prefix}${values[pro]}`);
    if (values[con]) result.cons.push(`${prefix}${values[con]}`);
  }
  return result;
}
