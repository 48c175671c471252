import { graphEdgeOf, PatternGraphRelation } from '../relations';
import { PatternSummary } from '../types';

export interface PatternGraphNode {
  id: string;
  title: string;
  category: string;
}

export interface PatternGraphEdge {
  source: string;
  target: string;
  relation: PatternGraphRelation;
}

export interface PatternGraph {
  nodes: PatternGraphNode[];
  edges: PatternGraphEdge[];
}

/**
 * The related-pattern graph: one node per pattern, one edge per related
 * pair, drawn as the relation table says (symmetric relations once, a
 * reversed one as its inverse). Links to unknown ids are dropped.
 */
export function buildPatternGraph(patterns: PatternSummary[]): PatternGraph {
  const known = new Set(patterns.map(p => p.id));
  const edges = new Map<string, PatternGraphEdge>();
  for (const pattern of patterns) {
    for (const link of pattern.related) {
      if (!known.has(link.id) || link.id === pattern.id) continue;
      const edge: PatternGraphEdge = graphEdgeOf(
        pattern.id,
        link.id,
        link.relation,
      );
      edges.set(`${edge.source}|${edge.target}|${edge.relation}`, edge);
    }
  }
  return {
    nodes: patterns.map(({ id, title, category }) => ({ id, title, category })),
    edges: [...edges.values()],
  };
}

/** The nodes within `depth` links of the start ids, and the edges among them. */
export function neighbourhood(
  graph: PatternGraph,
  startIds: string[],
  depth = 1,
): PatternGraph {
  const included = new Set(
    startIds.filter(id => graph.nodes.some(n => n.id === id)),
  );
  let frontier = [...included];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const edge of graph.edges) {
      for (const [from, to] of [
        [edge.source, edge.target],
        [edge.target, edge.source],
      ]) {
        if (frontier.includes(from) && !included.has(to)) {
          included.add(to);
          next.push(to);
        }
      }
    }
    frontier = next;
  }
  return {
    nodes: graph.nodes.filter(n => included.has(n.id)),
    edges: graph.edges.filter(
      e => included.has(e.source) && included.has(e.target),
    ),
  };
}
