import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PatternContentReader } from '../service/PatternContentReader';
import { PatternUsageService } from '../service/PatternUsageService';
import { EntityPatternReportService } from '../service/EntityPatternReportService';

/** The services the actions answer from: the same instances as the REST routes. */
export interface PatternActionsOptions {
  actionsRegistry: ActionsRegistryService;
  patterns: PatternContentReader;
  usage: PatternUsageService;
  reports: EntityPatternReportService;
}

/** Every patterns action only reads: safe to call again, nothing destroyed. */
export const READ_ONLY_ACTION = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;
