import { NotFoundError } from '@backstage/errors';
import {
  DecisionTree,
  GapRule,
  PatternAdoption,
  PatternCategory,
  PatternDocument,
  PatternScenario,
  PatternSummary,
  PatternUsage,
} from '@system-design/backstage-plugin-patterns-common';
import { PatternGraphResponse } from '@system-design/backstage-plugin-patterns-common';
import { PatternsApi } from '../src/api/PatternsApi';
import {
  adoption,
  categories,
  circuitBreaker,
  circuitBreakerUsage,
  decisionTree,
  gapRules,
  graph,
  scenarios,
  summaries,
  timeoutSummary,
} from '../src/__testUtils__/fixtures';

/**
 * Saga is not in the test fixtures, but the dev app's sample entity declares
 * it (as the README's example does), so the dev app knows it too.
 */
const saga: PatternSummary = {
  id: 'saga',
  title: 'Saga',
  category: 'data',
  bestFor: 'Distributed transactions',
  tradeoff: 'Eventual consistency vs complexity',
  summary:
    'Runs a business transaction as a sequence of local transactions with compensations.',
  aliases: [],
  related: [],
};

const dataCategory: PatternCategory = {
  id: 'data',
  title: 'Data Management Patterns',
  focus: 'Data consistency across services',
  description: 'Keep data consistent when every service owns its own.',
  patterns: ['saga'],
};

/**
 * An in-memory PatternsApi answering from the test fixtures, so that the dev
 * app runs without the patterns backend.
 */
export class FixturePatternsApi implements PatternsApi {
  private readonly summaries = [...summaries, timeoutSummary, saga];

  async listPatterns(): Promise<PatternSummary[]> {
    return this.summaries;
  }

  async getPattern(id: string): Promise<PatternDocument> {
    if (id === circuitBreaker.id) {
      return circuitBreaker;
    }
    throw new NotFoundError(
      `No pattern with id "${id}" (the dev app has only the circuit-breaker document)`,
    );
  }

  async listCategories(): Promise<PatternCategory[]> {
    return [...categories, dataCategory];
  }

  async listScenarios(): Promise<PatternScenario[]> {
    return scenarios;
  }

  async getDecisionTree(): Promise<DecisionTree> {
    return decisionTree;
  }

  async getGraph(): Promise<PatternGraphResponse> {
    return {
      ...graph,
      nodes: this.summaries.map(({ id, title, category }) => ({
        id,
        title,
        category,
      })),
    };
  }

  async listGaps(): Promise<GapRule[]> {
    return gapRules;
  }

  async getPatternUsage(id: string): Promise<PatternUsage> {
    return id === circuitBreakerUsage.patternId
      ? circuitBreakerUsage
      : { patternId: id, total: 0, owners: [] };
  }

  async getAdoption(): Promise<PatternAdoption> {
    return adoption;
  }
}
