/** One step taken: the question and the index of the answer chosen. */
export interface DecisionStep {
  questionId: string;
  answerIndex: number;
}

/** Where a walk began: `start` (the guide's first question) or a concern id. */
export type DecisionOrigin = string;

/** Where a walk stands: the steps taken and what comes next. */
export type DecisionState =
  | {
      origin: DecisionOrigin;
      steps: DecisionStep[];
      kind: 'question';
      questionId: string;
    }
  | {
      origin: DecisionOrigin;
      steps: DecisionStep[];
      kind: 'outcome';
      outcomeId: string;
    }
  | {
      origin: DecisionOrigin;
      steps: DecisionStep[];
      kind: 'exit';
      exitId: string;
    };
