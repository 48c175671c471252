import { InputError } from '@backstage/errors';
import { PatternSummary } from '@system-design/backstage-plugin-patterns-common';
import { checkLength, INPUT_LIMITS, listForMessage } from './limits';
import { PatternActionsOptions, READ_ONLY_ACTION } from './types';

/** The words of a search, lower-cased; every one must occur in a pattern's text. */
function wordsOf(query: string): string[] {
  return query.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
}

function textOf(pattern: PatternSummary): string {
  return [
    pattern.id,
    pattern.title,
    ...pattern.aliases,
    pattern.summary,
    pattern.bestFor,
    pattern.tradeoff,
  ]
    .join('\n')
    .toLocaleLowerCase('en-US');
}

/** `patterns:list-patterns`: the catalog's summaries, by category and/or words. */
export function registerListPatternsAction(options: PatternActionsOptions) {
  const { actionsRegistry, patterns } = options;
  actionsRegistry.register({
    name: 'list-patterns',
    title: 'List architecture patterns',
    description: [
      'Lists the architecture patterns of the portal’s pattern catalog (distributed-system API patterns such as',
      'circuit-breaker, saga or api-gateway), each with its id, title, category, what it is best for and its key trade-off.',
      'Optionally narrow by category id (communication, gateway, resilience, data, messaging, discovery-mesh, deployment,',
      'or a company category) and/or by words that must all occur in the id, title, aliases, summary, best-for or trade-off.',
      'Use the ids with get-pattern for a pattern’s document, with who-uses-pattern for the teams that use it,',
      'and in the `system-design/patterns` annotation of a catalog entity.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          category: z
            .string()
            .optional()
            .describe(
              `Only patterns of this category id, e.g. "resilience" (at most ${INPUT_LIMITS.id} characters)`,
            ),
          query: z
            .string()
            .optional()
            .describe(
              `Words that must all occur in the pattern's id, title, aliases, summary, best-for or trade-off, case-insensitive, e.g. "retry transient" (at most ${INPUT_LIMITS.query} characters)`,
            ),
        }),
      output: z =>
        z.object({
          total: z.number().describe('How many patterns match'),
          categories: z
            .array(z.object({ id: z.string(), title: z.string() }))
            .describe('Every category of the catalog, in order'),
          patterns: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              category: z.string(),
              bestFor: z.string(),
              tradeoff: z.string().describe('The key trade-off'),
              summary: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Resilience patterns about retries',
        input: { category: 'resilience', query: 'retry' },
      },
    ],
    action: async ({ input }) => {
      const category =
        input.category === undefined
          ? undefined
          : checkLength(
              'category',
              input.category.trim(),
              INPUT_LIMITS.id,
            ).toLocaleLowerCase('en-US');
      const words = wordsOf(
        checkLength('query', input.query ?? '', INPUT_LIMITS.query),
      );

      const [all, categories] = await Promise.all([
        patterns.listPatterns(),
        patterns.listCategories(),
      ]);
      if (category && !categories.some(c => c.id === category)) {
        throw new InputError(
          `No category "${category}"; the categories are ${listForMessage(
            categories.map(c => c.id),
          )}`,
        );
      }
      const matching = all.filter(
        p =>
          (!category || p.category === category) &&
          words.every(word => textOf(p).includes(word)),
      );
      return {
        output: {
          total: matching.length,
          categories: categories.map(({ id, title }) => ({ id, title })),
          patterns: matching.map(
            ({ id, title, category: c, bestFor, tradeoff, summary }) => ({
              id,
              title,
              category: c,
              bestFor,
              tradeoff,
              summary,
            }),
          ),
        },
      };
    },
  });
}
