import {
  DecisionTree,
  PatternCategory,
  PatternDocument,
  PatternScenario,
} from '@system-design/backstage-plugin-patterns-common';
import { ContentProblem } from './ContentProblem';

/** Everything the content directories define, merged and validated. */
export interface PatternContent {
  patterns: PatternDocument[];
  categories: PatternCategory[];
  scenarios: PatternScenario[];
  /** The wizard's tree; undefined when no directory defines one. */
  decisionTree?: DecisionTree;
  /** Problems found while loading; the documents they name were skipped or trimmed. */
  problems: ContentProblem[];
}
