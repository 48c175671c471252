import { DecisionTree } from '../schemas';
import { DecisionState } from './types';
import { visitedNodes } from './walkDecisionTree';

const START_NODE = 'start';

function nodeId(id: string): string {
  return `n_${id.replace(/[^a-zA-Z0-9]/g, '_')}`;
}

function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/**
 * The decision tree as a Mermaid flowchart, like the guide's: questions as
 * diamonds, outcomes as boxes. With a state, the path taken is highlighted.
 */
export function decisionTreeToMermaid(
  tree: DecisionTree,
  options: {
    titleOf?: (patternId: string) => string;
    state?: DecisionState;
  } = {},
): string {
  const titleOf = options.titleOf ?? ((id: string) => id);
  const lines = ['flowchart TD'];
  const edges: Array<{ from: string; to: string }> = [];

  lines.push(
    `  ${nodeId(START_NODE)}[${label(tree.start.text)}] --> ${nodeId(
      tree.start.next,
    )}`,
  );
  edges.push({ from: START_NODE, to: tree.start.next });
  for (const [id, question] of Object.entries(tree.questions)) {
    lines.push(`  ${nodeId(id)}{${label(question.text)}}`);
  }
  for (const [id, outcome] of Object.entries(tree.outcomes)) {
    lines.push(
      `  ${nodeId(id)}[${label(outcome.patterns.map(titleOf).join(' + '))}]`,
    );
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    for (const answer of question.answers) {
      lines.push(
        `  ${nodeId(id)} -->|${label(answer.label)}| ${nodeId(answer.next)}`,
      );
      edges.push({ from: id, to: answer.next });
    }
  }

  if (options.state) {
    const path = [START_NODE, ...visitedNodes(options.state)];
    const taken = edges
      .map((edge, index) => ({ edge, index }))
      .filter(({ edge }) => {
        const at = path.indexOf(edge.from);
        return at >= 0 && path[at + 1] === edge.to;
      })
      .map(({ index }) => index);
    lines.push(
      '  classDef taken fill:#fff3c4,stroke:#b26a00,stroke-width:3px,color:#000',
      `  class ${path.map(nodeId).join(',')} taken`,
    );
    if (taken.length > 0) {
      lines.push(
        `  linkStyle ${taken.join(',')} stroke:#b26a00,stroke-width:3px`,
      );
    }
  }
  return lines.join('\n');
}
