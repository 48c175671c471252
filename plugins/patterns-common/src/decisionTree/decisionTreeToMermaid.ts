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

/** The nodes reachable from `from`: one branch of the tree. */
export function decisionBranch(tree: DecisionTree, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    tree.questions[node]?.answers.forEach(answer => queue.push(answer.next));
  }
  return seen;
}

/**
 * The decision tree as a Mermaid flowchart, like the guide's: questions as
 * diamonds, outcomes as boxes (the primary, then "+ companions"), exits as
 * rounded boxes. `branch` draws only what is reachable from that node; with
 * a state, the path taken is highlighted.
 */
export function decisionTreeToMermaid(
  tree: DecisionTree,
  options: {
    titleOf?: (patternId: string) => string;
    state?: DecisionState;
    branch?: string;
  } = {},
): string {
  const titleOf = options.titleOf ?? ((id: string) => id);
  const shown = options.branch
    ? decisionBranch(tree, options.branch)
    : undefined;
  const isShown = (id: string) => !shown || shown.has(id);
  const lines = ['flowchart TD'];
  const edges: Array<{ from: string; to: string }> = [];

  if (!shown || shown.has(tree.start.next)) {
    lines.push(
      `  ${nodeId(START_NODE)}[${label(tree.start.text)}] --> ${nodeId(
        tree.start.next,
      )}`,
    );
    edges.push({ from: START_NODE, to: tree.start.next });
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    if (isShown(id)) lines.push(`  ${nodeId(id)}{${label(question.text)}}`);
  }
  for (const [id, outcome] of Object.entries(tree.outcomes)) {
    if (!isShown(id)) continue;
    const companions = outcome.with.map(w => titleOf(w.id));
    const text = [
      titleOf(outcome.primary),
      ...companions.map(c => `+ ${c}`),
    ].join(' ');
    lines.push(`  ${nodeId(id)}[${label(text)}]`);
  }
  for (const [id, exit] of Object.entries(tree.exits)) {
    if (isShown(id)) lines.push(`  ${nodeId(id)}(${label(exit.title)})`);
  }
  for (const [id, question] of Object.entries(tree.questions)) {
    if (!isShown(id)) continue;
    for (const answer of question.answers) {
      lines.push(
        `  ${nodeId(id)} -->|${label(answer.label)}| ${nodeId(answer.next)}`,
      );
      edges.push({ from: id, to: answer.next });
    }
  }

  if (options.state) {
    const fromStart =
      options.state.origin === 'start' &&
      edges.some(e => e.from === START_NODE);
    const path = [
      ...(fromStart ? [START_NODE] : []),
      ...visitedNodes(options.state),
    ].filter(id => id === START_NODE || isShown(id));
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
