import { DecisionTree } from '../schemas';

/**
 * The tree with its broken parts dropped, so the wizard can always walk it:
 * answers that lead to no node, answers that close a cycle, and questions
 * left without answers (with the answers that led to them). Undefined when
 * nothing usable is left at the start. Each drop is described in `dropped`.
 */
export function repairDecisionTree(tree: DecisionTree): {
  tree?: DecisionTree;
  dropped: string[];
} {
  const dropped: string[] = [];
  const questions = Object.fromEntries(
    Object.entries(tree.questions).map(([id, q]) => [
      id,
      { ...q, answers: [...q.answers] },
    ]),
  );
  const { outcomes, exits } = tree;
  const exists = (id: string) =>
    Boolean(questions[id] || outcomes[id] || exits[id]);

  // Cycles: walk from the start and drop every answer that returns to a question on the path.
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id) || !questions[id]) return;
    onPath.add(id);
    questions[id].answers = questions[id].answers.filter(answer => {
      if (onPath.has(answer.next)) {
        dropped.push(
          `question "${id}", answer "${answer.label}": leads back to "${answer.next}" (a cycle)`,
        );
        return false;
      }
      visit(answer.next);
      return true;
    });
    onPath.delete(id);
    done.add(id);
  };
  visit(tree.start.next);

  // Dead ends, repeatedly: an emptied question makes the answers to it dead ends too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, question] of Object.entries(questions)) {
      const kept = question.answers.filter(answer => exists(answer.next));
      for (const answer of question.answers) {
        if (!exists(answer.next)) {
          dropped.push(
            `question "${id}", answer "${answer.label}": leads to unknown node "${answer.next}"`,
          );
        }
      }
      question.answers = kept;
      if (kept.length === 0) {
        delete questions[id];
        dropped.push(`question "${id}": no answer left`);
        changed = true;
      }
    }
  }

  if (!exists(tree.start.next)) return { dropped };
  const concerns = tree.concerns.filter(concern => {
    if (questions[concern.start]) return true;
    dropped.push(
      `concern "${concern.id}": its first question "${concern.start}" is gone`,
    );
    return false;
  });
  return { tree: { ...tree, concerns, questions }, dropped };
}
