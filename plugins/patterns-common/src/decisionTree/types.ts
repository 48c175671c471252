/** One step taken: the question and the index of the answer chosen. */
export interface DecisionStep {
  questionId: string;
  answerIndex: number;
}

/** Where a walk stands: the steps taken and what comes next. */
export type DecisionState =
  | { steps: DecisionStep[]; kind: 'question'; questionId: string }
  | { steps: DecisionStep[]; kind: 'outcome'; outcomeId: string };
