import {
  DecisionTree,
  EvidenceRule,
  GapRule,
  PatternCategory,
  PatternLayers,
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
  /** The guide's layer graph; undefined when no directory defines one. */
  layers?: PatternLayers;
  /** Risky pattern combinations (`gaps.yaml`), merged by id, checked against the patterns. */
  gaps: GapRule[];
  /**
   * The rules that detect patterns from a service's files and catalog fields
   * (`evidence.yaml`), merged by id (a later directory overrides or
   * disables a rule), each naming only known patterns.
   */
  evidence: EvidenceRule[];
  /** Problems found while loading; the documents they name were skipped or trimmed. */
  problems: ContentProblem[];
  /**
   * Directories the file system refused (EACCES, EMFILE, …): their content
   * is missing from this load, which a later load should retry.
   */
  unreadable: string[];
}
