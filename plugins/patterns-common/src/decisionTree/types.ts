export interface DecisionAnswer {
  label: string;
  /** A question id or an outcome id. */
  next: string;
}

export interface DecisionQuestion {
  text: string;
  answers: DecisionAnswer[];
}

export interface DecisionOutcome {
  /** The recommended pattern ids. */
  patterns: string[];
  /** One line on why. */
  why: string;
}

/** The wizard's questions and outcomes; the guide's flowchart is drawn from it too. */
export interface DecisionTree {
  start: { text: string; next: string };
  questions: Record<string, DecisionQuestion>;
  outcomes: Record<string, DecisionOutcome>;
}

/** One step taken: the question and the index of the answer chosen. */
export interface DecisionStep {
  questionId: string;
  answerIndex: number;
}

/** Where a walk stands: the steps taken and what comes next. */
export type DecisionState =
  | { steps: DecisionStep[]; kind: 'question'; questionId: string }
  | { steps: DecisionStep[]; kind: 'outcome'; outcomeId: string };
