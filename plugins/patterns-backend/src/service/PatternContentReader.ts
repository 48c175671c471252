import { NotFoundError } from '@backstage/errors';
import {
  buildPatternGraph,
  createPatternIdIndex,
  DecisionTree,
  lookupPatternId,
  GapRule,
  PatternCategory,
  PatternGraph,
  PatternLayers,
  PatternDocument,
  PatternIdIndex,
  PatternScenario,
  PatternSummary,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternContentService } from '@system-design/backstage-plugin-patterns-node';

/**
 * Read-only queries over the loaded pattern content (the documents,
 * categories, scenarios, decision tree, layers and gap rules). Not to be
 * confused with Backstage's software catalog, which `PatternUsageService`
 * reads.
 */
export class PatternContentReader {
  /** One id index per loaded content, built on first lookup. */
  private readonly indexes = new WeakMap<
    ReadonlyArray<PatternDocument>,
    PatternIdIndex
  >();

  constructor(private readonly content: PatternContentService) {}

  async listPatterns(): Promise<PatternSummary[]> {
    const { patterns, categories } = await this.content.getContent();
    const order = categories.flatMap(c => c.patterns);
    return [...patterns]
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
      .map(toSummary);
  }

  /**
   * The document with this id or alias, in any case. Ids are looked up
   * first, then aliases, through the same index as the annotation, so an
   * alias never shadows another pattern's id whatever the content says.
   */
  async getPattern(id: string): Promise<PatternDocument> {
    const { patterns } = await this.content.getContent();
    const canonical = lookupPatternId(
      id.toLocaleLowerCase('en-US'),
      this.indexOf(patterns),
    );
    const found = canonical && patterns.find(p => p.id === canonical);
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
      throw new NotFoundError(
        'No decision tree is defined in the pattern content',
      );
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

  private indexOf(patterns: ReadonlyArray<PatternDocument>): PatternIdIndex {
    let index = this.indexes.get(patterns);
    if (!index) {
      index = createPatternIdIndex(patterns);
      this.indexes.set(patterns, index);
    }
    return index;
  }
}

export function toSummary(document: PatternDocument): PatternSummary {
  const { id, title, category, bestFor, tradeoff, summary, aliases, related } =
    document;
  return { id, title, category, bestFor, tradeoff, summary, aliases, related };
}
