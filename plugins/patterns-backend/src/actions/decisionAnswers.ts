import { InputError } from '@backstage/errors';
import {
  DecisionSegment,
  DecisionTree,
  MAX_DECISION_STEPS,
  originNode,
  START_ORIGIN,
} from '@system-design/backstage-plugin-patterns-common';
import {
  checkCount,
  checkLength,
  INPUT_LIMITS,
  listForMessage,
} from './limits';

/** One answer as an assistant gives it: the question's id and the answer's label or index. */
export interface AnswerInput {
  question: string;
  answer: string | number;
}

/** The walks of a session as answer indexes, and the answers no walk reached. */
export interface ResolvedAnswers {
  segments: DecisionSegment[];
  /** Question ids answered but not on any walk's path (e.g. another branch's question). */
  unused: string[];
}

function sameText(a: string, b: string): boolean {
  return (
    a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US')
  );
}

/** The walks to take: `start` and/or concern ids, each once, in the order given. */
export function resolveOrigins(
  tree: DecisionTree,
  concerns: readonly string[] | undefined,
): string[] {
  const wanted = checkCount('concerns', concerns ?? [], INPUT_LIMITS.concerns);
  if (wanted.length === 0) return [START_ORIGIN];
  const origins: string[] = [];
  for (const raw of wanted) {
    const origin = checkLength(
      'a concern',
      raw.trim(),
      INPUT_LIMITS.id,
    ).toLocaleLowerCase('en-US');
    if (!originNode(tree, origin)) {
      throw new InputError(
        `No concern "${origin}"; use "${START_ORIGIN}" for the first question or one of ${listForMessage(
          tree.concerns.map(c => c.id),
        )}`,
      );
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The index of an answer given by label (any case) or by index (a number or digits). */
function answerIndexOf(
  tree: DecisionTree,
  questionId: string,
  answer: string | number,
): number {
  const question = tree.questions[questionId];
  const labels = question.answers.map(a => a.label);
  const choices = `its answers are ${labels
    .map((l, i) => `${i}: ${JSON.stringify(l)}`)
    .join(', ')}`;
  if (typeof answer === 'number') {
    if (Number.isInteger(answer) && answer >= 0 && answer < labels.length)
      return answer;
    throw new InputError(
      `Question "${questionId}" ("${question.text}") has no answer number ${answer}; ${choices}`,
    );
  }
  const text = checkLength(
    `The answer to "${questionId}"`,
    answer,
    INPUT_LIMITS.label,
  );
  const byLabel = labels.findIndex(label => sameText(label, text));
  if (byLabel >= 0) return byLabel;
  if (/^\s*\d+\s*$/.test(text) && Number(text) < labels.length)
    return Number(text);
  throw new InputError(
    `Question "${questionId}" ("${
      question.text
    }") has no answer ${JSON.stringify(text)}; ${choices}`,
  );
}

/** The answers by question id, each checked against the tree. */
function answerMap(
  tree: DecisionTree,
  answers: readonly AnswerInput[],
): Map<string, number> {
  checkCount('answers', answers, INPUT_LIMITS.answers);
  const byQuestion = new Map<string, number>();
  for (const { question: raw, answer } of answers) {
    const question = checkLength(
      'a question id',
      raw.trim(),
      INPUT_LIMITS.id,
    ).toLocaleLowerCase('en-US');
    if (!tree.questions[question]) {
      throw new InputError(
        `No question "${question}" in the decision tree; answer the questions the recommendation asks (nextQuestion), e.g. ${listForMessage(
          Object.keys(tree.questions),
          8,
        )}`,
      );
    }
    const index = answerIndexOf(tree, question, answer);
    if (byQuestion.has(question) && byQuestion.get(question) !== index) {
      throw new InputError(
        `Question "${question}" is answered twice, differently`,
      );
    }
    byQuestion.set(question, index);
  }
  return byQuestion;
}

/**
 * Turns answers named by question id into the session's walks: each walk
 * starts at its origin's first question and follows the answers given until
 * a question has none (the next one to ask), an outcome or an exit. The
 * walks are then replayed by the shared session model.
 */
export function resolveAnswers(
  tree: DecisionTree,
  origins: readonly string[],
  answers: readonly AnswerInput[],
): ResolvedAnswers {
  const byQuestion = answerMap(tree, answers);
  const visited = new Set<string>();
  const segments = origins.map(origin => {
    const indexes: number[] = [];
    let node = originNode(tree, origin);
    while (
      node &&
      tree.questions[node] &&
      indexes.length < MAX_DECISION_STEPS
    ) {
      visited.add(node);
      const index = byQuestion.get(node);
      if (index === undefined) break;
      indexes.push(index);
      node = tree.questions[node].answers[index].next;
    }
    return { origin, answers: indexes };
  });
  return {
    segments,
    unused: [...byQuestion.keys()].filter(id => !visited.has(id)),
  };
}
