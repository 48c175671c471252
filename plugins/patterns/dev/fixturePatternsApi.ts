import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  buildEntityPatternReport,
  DecisionTree,
  DetectedPattern,
  EntityPatternReport,
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
  dataSummaries,
  decisionTree,
  documentOf,
  detectedPatterns,
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
 * The sample service whose entity page the dev app shows: it declares three
 * patterns; its "repository" shows evidence of two of them and of Timeout,
 * which it does not declare.
 */
export const sampleEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    title: 'Checkout Service',
    annotations: {
      'system-design/patterns': 'circuit-breaker, retry-with-backoff, saga',
      'backstage.io/edit-url':
        'https://github.com/example/checkout/edit/main/catalog-info.yaml',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

const sampleDetected: DetectedPattern[] = [
  ...detectedPatterns,
  {
    id: 'timeout',
    evidence: [
      {
        rule: 'k8s-timeout',
        source: 'deploy/virtual-service.yaml',
        detail: 'spec.http[0].timeout: 2s',
        strength: 'strong',
      },
    ],
  },
];

/**
 * An in-memory PatternsApi answering from the test fixtures, so that the dev
 * app runs without the patterns backend. Its catalog holds `entities`, with
 * the `detected` patterns a detector would have recorded (by entity ref).
 */
export class FixturePatternsApi implements PatternsApi {
  // The patterns the wizard's data concern names too, so its sets have titles.
  private readonly summaries = [
    ...summaries,
    timeoutSummary,
    saga,
    ...dataSummaries.filter(p => p.id !== saga.id),
  ];

  constructor(
    private readonly catalog: {
      entities: Entity[];
      detected: Record<string, DetectedPattern[]>;
    } = {
      entities: [sampleEntity],
      detected: { [stringifyEntityRef(sampleEntity)]: sampleDetected },
    },
  ) {}

  async listPatterns(): Promise<PatternSummary[]> {
    return this.summaries;
  }

  async getPattern(id: string): Promise<PatternDocument> {
    if (id === circuitBreaker.id) {
      return circuitBreaker;
    }
    // The others are one-line documents, enough for the wizard's ADR.
    const known = this.summaries.find(p => p.id === id);
    if (known) return documentOf(known);
    throw new NotFoundError(`No pattern with id "${id}"`);
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

  async getEntityPatternReport(
    entity: string | CompoundEntityRef,
  ): Promise<EntityPatternReport> {
    const ref = stringifyEntityRef(
      typeof entity === 'string' ? parseEntityRef(entity) : entity,
    );
    const found = this.catalog.entities.find(
      e => stringifyEntityRef(e) === ref,
    );
    if (!found) throw new NotFoundError(`No entity ${ref} in the catalog`);
    return buildEntityPatternReport({
      entity: found,
      patterns: this.summaries,
      scenarios,
      gaps: gapRules,
      detected: this.catalog.detected[ref] ?? [],
    });
  }
}
