/** The content lint: test tooling, deliberately not exported from the package. */
export { lintContentDirectory } from './lintContent';
export type { LintOptions } from './lintContent';
export { LINT_RULES, formatFinding } from './LintFinding';
export type { LintFinding, LintRule } from './LintFinding';
