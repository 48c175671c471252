import {
  DecisionState,
  DecisionTree,
  outcomePatternIds,
  START_ORIGIN,
} from '@system-design/backstage-plugin-patterns-common';

/** The name of a walk's origin: the concern's title, or "Start" for the guide's first question. */
export function originTitle(tree: DecisionTree, origin: string): string {
  if (origin === START_ORIGIN) return 'Start';
  return tree.concerns.find(c => c.id === origin)?.title ?? origin;
}

/** Where a walk ended, in words: the outcome's set or the exit's title. */
export function endTitle(
  tree: DecisionTree,
  state: DecisionState,
  titleOf: (id: string) => string,
): string | undefined {
  if (state.kind === 'outcome') {
    return outcomePatternIds(tree.outcomes[state.outcomeId])
      .map(titleOf)
      .join(' + ');
  }
  if (state.kind === 'exit') return tree.exits[state.exitId].title;
  return undefined;
}

/** `A`, `A and B`, `A, B and C`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
