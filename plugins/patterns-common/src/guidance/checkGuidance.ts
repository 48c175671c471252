import { findPatternGaps } from '../gaps';
import {
  DecisionTree,
  GapRule,
  outcomePatternIds,
  PatternLayers,
  PatternScenario,
} from '../schemas';

/** What the guidance is checked against. */
export interface GuidanceContent {
  patternIds: readonly string[];
  decisionTree?: DecisionTree;
  scenarios: readonly PatternScenario[];
  gaps: readonly GapRule[];
  layers?: PatternLayers;
}

/**
 * Where the guidance contradicts the product's own rules: an outcome set or
 * a scenario that trips a gap rule, a pattern missing from the layer graph.
 * (Reachability and unknown ids are checkDecisionTree's.) Run on the
 * built-in content by the tests and on every load, company content included.
 */
export function checkGuidance(content: GuidanceContent): string[] {
  const problems: string[] = [];
  const trips = (ids: string[]) =>
    findPatternGaps(ids, content.gaps).map(gap => gap.ruleId);

  for (const [id, outcome] of Object.entries(
    content.decisionTree?.outcomes ?? {},
  )) {
    const rules = trips(outcomePatternIds(outcome));
    if (rules.length > 0) {
      problems.push(
        `outcome "${id}" (${outcomePatternIds(outcome).join(
          ' + ',
        )}) trips gap rule ${rules
          .map(r => `"${r}"`)
          .join(', ')}; add the missing pattern to its "with" list`,
      );
    }
  }
  for (const scenario of content.scenarios) {
    const rules = trips(scenario.patterns);
    if (rules.length > 0) {
      problems.push(
        `scenario "${scenario.scenario}" (${scenario.patterns.join(
          ' + ',
        )}) trips gap rule ${rules.map(r => `"${r}"`).join(', ')}`,
      );
    }
  }
  if (content.layers) {
    const layered = new Set(content.layers.layers.flatMap(l => l.patterns));
    for (const id of content.patternIds) {
      if (!layered.has(id))
        problems.push(`pattern "${id}" is in no layer of the layer graph`);
    }
  }
  return problems;
}
