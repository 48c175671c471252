import {
  DecisionState,
  DecisionTree,
  formatDecisionPath,
  mergeDecisionResult,
  PATTERNS_ANNOTATION,
  remainingConcerns,
  walkDecisionSession,
} from '@system-design/backstage-plugin-patterns-common';
import { resolveAnswers, resolveOrigins } from './decisionAnswers';
import { INPUT_LIMITS } from './limits';
import { PatternActionsOptions, READ_ONLY_ACTION } from './types';

function reachedOf(state: DecisionState) {
  if (state.kind === 'question')
    return { kind: state.kind, id: state.questionId };
  if (state.kind === 'outcome')
    return { kind: state.kind, id: state.outcomeId };
  return { kind: state.kind, id: state.exitId };
}

function questionOf(tree: DecisionTree, concern: string, id: string) {
  const question = tree.questions[id];
  return {
    concern,
    id,
    text: question.text,
    answers: question.answers.map((answer, index) => ({
      index,
      label: answer.label,
    })),
  };
}

/**
 * `patterns:recommend-patterns`: the decision wizard for assistants. The
 * answers walk the decision tree through the same session model as the
 * wizard (walkDecisionSession, mergeDecisionResult, remainingConcerns).
 */
export function registerRecommendPatternsAction(
  options: PatternActionsOptions,
) {
  const { actionsRegistry, patterns } = options;
  actionsRegistry.register({
    name: 'recommend-patterns',
    title: 'Recommend architecture patterns',
    description: [
      'Recommends architecture patterns for a problem by walking the portal’s decision tree (the guide’s flowchart).',
      'Give the answers you know as { question, answer } pairs: the question id and the answer’s label (any case) or its index.',
      'Call it with no answers first: while the answers are incomplete the result has complete=false and nextQuestion',
      '(its id, text and answer labels) — pick the answer that fits the user’s problem, or ask the user, and call again with',
      'all answers so far. When complete, `patterns` is the recommended set: primary patterns and the companions they need,',
      'each with its reasons; `alternatives` are cheaper options to check first; `exits` are "you may not need this" ends',
      'that name what to do instead; `annotationLine` is the line to add to the entity’s catalog-info.yaml.',
      'To cover several concerns at once (e.g. resilience and data) pass their ids in `concerns`; `remainingConcerns` lists',
      'the ones not covered yet. Unknown question ids, labels or concerns are an InputError naming the valid ones.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          answers: z
            .array(
              z.object({
                question: z
                  .string()
                  .describe('The question id, e.g. "failure-kind"'),
                answer: z
                  .union([z.string(), z.number()])
                  .describe(
                    'The answer label, e.g. "Transient errors", or its index from nextQuestion.answers',
                  ),
              }),
            )
            .optional()
            .describe(
              `The answers given so far, in any order (at most ${INPUT_LIMITS.answers})`,
            ),
          concerns: z
            .array(z.string())
            .optional()
            .describe(
              `Where the walks begin: "start" (the first question; the default) and/or concern ids such as "resilience" or "data"; the outcome sets are merged (at most ${INPUT_LIMITS.concerns})`,
            ),
        }),
      output: z => {
        const alternative = z.object({
          id: z
            .string()
            .optional()
            .describe('A pattern id, when the alternative is a pattern'),
          title: z.string().optional(),
          link: z.string().optional(),
          why: z.string(),
        });
        return z.object({
          complete: z
            .boolean()
            .describe('Whether every walk reached an outcome or an exit'),
          nextQuestion: z
            .object({
              concern: z.string(),
              id: z.string(),
              text: z.string(),
              answers: z.array(
                z.object({ index: z.number(), label: z.string() }),
              ),
            })
            .optional()
            .describe('The next question to answer, while incomplete'),
          walks: z.array(
            z.object({
              concern: z.string(),
              answered: z.array(
                z.object({
                  question: z.string(),
                  text: z.string(),
                  answer: z.string(),
                  index: z.number(),
                }),
              ),
              reached: z.object({
                kind: z.enum(['question', 'outcome', 'exit']),
                id: z.string(),
              }),
            }),
          ),
          patterns: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                role: z.enum(['primary', 'companion']),
                reasons: z.array(
                  z.object({
                    outcomeId: z.string(),
                    why: z.string(),
                    with: z.string().optional(),
                  }),
                ),
              }),
            )
            .describe(
              'The recommended set: primaries first, then the companions they need',
            ),
          alternatives: z.array(alternative.extend({ outcomeId: z.string() })),
          exits: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              why: z.string(),
              instead: z.array(alternative),
            }),
          ),
          annotationLine: z
            .string()
            .optional()
            .describe(
              'The catalog-info.yaml annotation line for the recommended set',
            ),
          remainingConcerns: z.array(
            z.object({ id: z.string(), title: z.string() }),
          ),
          unusedAnswers: z
            .array(z.string())
            .describe(
              'Question ids answered but not on the path taken (ignored)',
            ),
          sessionPath: z
            .string()
            .describe(
              'The walks in the wizard’s path notation, e.g. start:1.0~resilience:1',
            ),
        });
      },
    },
    examples: [
      {
        title: 'First call: which question comes first',
        input: {},
      },
      {
        title: 'A service whose calls fail transiently',
        input: {
          answers: [
            { question: 'expose-apis', answer: 'No' },
            { question: 'fault-tolerance', answer: 'Yes' },
            { question: 'failure-kind', answer: 'Transient errors' },
          ],
        },
      },
    ],
    action: async ({ input }) => {
      const tree = await patterns.getDecisionTree(); // NotFoundError without a tree
      const origins = resolveOrigins(tree, input.concerns);
      const { segments, unused } = resolveAnswers(
        tree,
        origins,
        input.answers ?? [],
      );

      const states = walkDecisionSession(tree, segments);
      const result = mergeDecisionResult(tree, states);
      const titles = new Map(
        (await patterns.listPatterns()).map(p => [p.id, p.title]),
      );
      const titleOf = (id: string) => titles.get(id) ?? id;
      const pending = states.find(s => s.kind === 'question');

      return {
        output: {
          complete: !pending,
          nextQuestion:
            pending?.kind === 'question'
              ? questionOf(tree, pending.origin, pending.questionId)
              : undefined,
          walks: states.map(state => ({
            concern: state.origin,
            answered: state.steps.map(step => {
              const question = tree.questions[step.questionId];
              return {
                question: step.questionId,
                text: question.text,
                answer: question.answers[step.answerIndex].label,
                index: step.answerIndex,
              };
            }),
            reached: reachedOf(state),
          })),
          patterns: result.patterns.map(p => ({
            id: p.id,
            title: titleOf(p.id),
            role: p.role,
            reasons: p.reasons,
          })),
          alternatives: result.alternatives.map(a => ({
            ...a,
            title: a.title ?? (a.id ? titleOf(a.id) : undefined),
          })),
          exits: result.exits.map(id => ({ id, ...tree.exits[id] })),
          annotationLine:
            result.patterns.length > 0
              ? `${PATTERNS_ANNOTATION}: ${result.patterns
                  .map(p => p.id)
                  .join(', ')}`
              : undefined,
          remainingConcerns: remainingConcerns(tree, states).map(
            ({ id, title }) => ({ id, title }),
          ),
          unusedAnswers: unused,
          sessionPath: formatDecisionPath(
            states.map(s => ({
              origin: s.origin,
              answers: s.steps.map(step => step.answerIndex),
            })),
          ),
        },
      };
    },
  });
}
