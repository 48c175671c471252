import { PatternLayers } from '../schemas';

function nodeId(id: string): string {
  return `p_${id.replace(/[^a-zA-Z0-9]/g, '_')}`;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/** The layer graph as Mermaid: one subgraph per layer, layers chained, dotted links. */
export function layersToMermaid(
  model: PatternLayers,
  titleOf: (patternId: string) => string = id => id,
): string {
  const lines = ['graph LR'];
  for (const layer of model.layers) {
    lines.push(`  subgraph L_${nodeId(layer.id)}[${quoted(layer.title)}]`);
    for (const id of layer.patterns) {
      lines.push(`    ${nodeId(id)}[${quoted(titleOf(id))}]`);
    }
    lines.push('  end');
  }
  model.layers.slice(1).forEach((layer, i) => {
    lines.push(`  L_${nodeId(model.layers[i].id)} --> L_${nodeId(layer.id)}`);
  });
  for (const link of model.links) {
    lines.push(`  ${nodeId(link.from)} -.-> ${nodeId(link.to)}`);
  }
  return lines.join('\n');
}
