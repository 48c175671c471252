/**
 * Types, annotation parsing and pure logic shared by the Architecture
 * Patterns plugins.
 *
 * @packageDocumentation
 */
export * from './schemas';
export * from './relations';
export * from './types';
export * from './constants';
export * from './annotation';
export * from './gaps';
export * from './suggestions';
export * from './decisionTree';
export * from './graph';
export * from './layers';
export * from './usage';
export * from './api';
export * from './guidance';
export * from './report';
