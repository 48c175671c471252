import { registerEntityPatternReportAction } from './entityPatternReportAction';
import { registerGetPatternAction } from './getPatternAction';
import { registerListPatternsAction } from './listPatternsAction';
import { registerRecommendPatternsAction } from './recommendPatternsAction';
import { PatternActionsOptions } from './types';
import { registerWhoUsesPatternAction } from './whoUsesPatternAction';

/**
 * Registers the patterns actions (`patterns:list-patterns`,
 * `patterns:get-pattern`, `patterns:recommend-patterns`,
 * `patterns:who-uses-pattern`, `patterns:get-entity-pattern-report`) with
 * the actions registry, which serves them to the MCP actions backend and
 * other action clients. They answer from the same services as the REST API.
 */
export function registerPatternActions(options: PatternActionsOptions): void {
  registerListPatternsAction(options);
  registerGetPatternAction(options);
  registerRecommendPatternsAction(options);
  registerWhoUsesPatternAction(options);
  registerEntityPatternReportAction(options);
}
