export { PatternGraphView } from './PatternGraphView';
export { GraphLegend } from './GraphLegend';
