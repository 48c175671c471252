/**
 * Types, annotation parsing and pure logic shared by the Architecture
 * Patterns plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './constants';
export * from './annotation';
export * from './decisionTree';
export * from './graph';
