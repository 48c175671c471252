/**
 * Backend for Architecture Patterns: serves the pattern content, decision
 * tree, related-pattern graph and usage read from the software catalog.
 *
 * @packageDocumentation
 */
export { patternsPlugin as default } from './plugin';
