import { GAP_SEVERITIES, GapRule, GapSeverity } from './schemas';

/** A rule that fired for one set of used patterns. */
export interface PatternGap {
  ruleId: string;
  severity: GapSeverity;
  message: string;
  /** The used ids that triggered the rule. */
  uses: string[];
  /** The ids whose absence opened the gap (empty when the rule always fires). */
  missing: string[];
  /** The rule's suggestions, without those already used. */
  suggest: string[];
}

/**
 * The gaps in a set of used pattern ids: warnings first, then advice, each
 * group in rule order. Pure; ids are compared exactly (canonical ids, as
 * `parsePatternAnnotation` returns them).
 */
export function findPatternGaps(
  usedIds: Iterable<string>,
  rules: readonly GapRule[],
): PatternGap[] {
  const used = new Set(usedIds);
  const gaps: PatternGap[] = [];
  for (const rule of rules) {
    if (rule.uses.length === 0) continue;
    if (!rule.uses.every(id => used.has(id))) continue;
    if (rule.unlessAny.some(id => used.has(id))) continue;
    gaps.push({
      ruleId: rule.id,
      severity: rule.severity,
      message: rule.message,
      uses: [...rule.uses],
      missing: [...rule.unlessAny],
      suggest: rule.suggest.filter(id => !used.has(id)),
    });
  }
  const rank = (gap: PatternGap) => GAP_SEVERITIES.indexOf(gap.severity);
  return gaps
    .map((gap, index) => ({ gap, index }))
    .sort((a, b) => rank(a.gap) - rank(b.gap) || a.index - b.index)
    .map(({ gap }) => gap);
}
