import { NotFoundError } from '@backstage/errors';
import {
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternContentService } from '@system-design/backstage-plugin-patterns-node';

/** Read-only queries over the loaded pattern content. */
export class PatternCatalog {
  constructor(private readonly content: PatternContentService) {}

  async listPatterns(): Promise<PatternSummary[]> {
    const { patterns, categories } = await this.content.getContent();
    const order = categories.flatMap(c => c.patterns);
    return [...patterns]
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
      .map(toSummary);
  }

  async getPattern(id: string): Promise<PatternDocument> {
    const { patterns } = await this.content.getContent();
    const wanted = id.toLocaleLowerCase('en-US');
    const found = patterns.find(
      p => p.id === wanted || p.aliases.includes(wanted),
    );
    if (!found) throw new NotFoundError(`No pattern with id "${id}"`);
    return found;
  }

  async listCategories(): Promise<PatternCategory[]> {
    return (await this.content.getContent()).categories;
  }

  async listScenarios(): Promise<PatternScenario[]> {
    return (await this.content.getContent()).scenarios;
  }
}

export function toSummary(document: PatternDocument): PatternSummary {
  const { id, title, category, bestFor, tradeoff, summary, aliases, related } =
    document;
  return { id, title, category, bestFor, tradeoff, summary, aliases, related };
}
