import { NotFoundError } from '@backstage/errors';
import {
  buildPatternGraph,
  DecisionTree,
  GapRule,
  PatternCategory,
  PatternGraph,
  PatternLayers,
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

  async getDecisionTree(): Promise<DecisionTree> {
    const { decisionTree } = await this.content.getContent();
    if (!decisionTree) {
      throw new NotFoundError('No decision tree is defined in the pattern content');
    }
    return decisionTree;
  }

  /** The related-pattern graph, with the guide's layers when defined. */
  async getGraph(): Promise<PatternGraph & { layers?: PatternLayers }> {
    const { layers } = await this.content.getContent();
    return { ...buildPatternGraph(await this.listPatterns()), layers };
  }

  async listGaps(): Promise<GapRule[]> {
    return (await this.content.getContent()).gaps;
  }
}

export function toSummary(document: PatternDocument): PatternSummary {
  const { id, title, category, bestFor, tradeoff, summary, aliases, related } =
    document;
  return { id, title, category, bestFor, tradeoff, summary, aliases, related };
}
