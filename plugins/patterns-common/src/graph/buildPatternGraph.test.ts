import { PatternSummary } from '../types';
import { buildPatternGraph, neighbourhood } from './buildPatternGraph';

const pattern = (
  id: string,
  category: string,
  related: PatternSummary['related'],
): PatternSummary => ({
  id,
  title: id.toUpperCase(),
  category,
  bestFor: '',
  tradeoff: '',
  summary: '',
  aliases: [],
  related,
});

const patterns = [
  pattern('retry', 'resilience', [
    { id: 'timeout', relation: 'complements' },
    { id: 'ghost', relation: 'complements' },
  ]),
  pattern('timeout', 'resilience', [{ id: 'retry', relation: 'complements' }]),
  pattern('sidecar', 'mesh', [{ id: 'mesh', relation: 'enables' }]),
  pattern('mesh', 'mesh', [
    { id: 'sidecar', relation: 'builds-on' },
    { id: 'retry', relation: 'complements' },
  ]),
  pattern('saga', 'data', [{ id: 'two-pc', relation: 'alternative' }]),
  pattern('two-pc', 'data', [{ id: 'saga', relation: 'alternative' }]),
];

describe('buildPatternGraph', () => {
  const graph = buildPatternGraph(patterns);

  it('has one node per pattern and one edge per related pair', () => {
    expect(graph.nodes.map(n => n.id)).toEqual([
      'retry',
      'timeout',
      'sidecar',
      'mesh',
      'saga',
      'two-pc',
    ]);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: 'retry', target: 'timeout', relation: 'complements' },
        { source: 'mesh', target: 'sidecar', relation: 'builds-on' },
        { source: 'mesh', target: 'retry', relation: 'complements' },
        { source: 'saga', target: 'two-pc', relation: 'alternative' },
      ]),
    );
    expect(graph.edges).toHaveLength(4);
  });

  it('has no dangling edges', () => {
    const ids = new Set(graph.nodes.map(n => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('gives the neighbourhood of a set of patterns', () => {
    const near = neighbourhood(graph, ['retry']);
    expect(near.nodes.map(n => n.id).sort()).toEqual([
      'mesh',
      'retry',
      'timeout',
    ]);
    expect(near.edges).toHaveLength(2);
  });
});
