import { InputError } from '@backstage/errors';
import {
  PatternSection,
  sectionSlug,
} from '@system-design/backstage-plugin-patterns-common';
import {
  checkCount,
  checkLength,
  INPUT_LIMITS,
  listForMessage,
} from './limits';
import { PatternActionsOptions, READ_ONLY_ACTION } from './types';

/** The word that asks for every section. */
const ALL_SECTIONS = 'all';

/** The sections asked for, by title or slug in any case, in document order. */
function pickSections(
  sections: readonly PatternSection[],
  wanted: readonly string[],
): PatternSection[] {
  const keys = wanted.map(w =>
    sectionSlug(checkLength('a section name', w.trim(), INPUT_LIMITS.query)),
  );
  if (keys.includes(ALL_SECTIONS)) return [...sections];
  const unknown = wanted.filter(
    (_, i) => !sections.some(s => s.id === keys[i]),
  );
  if (unknown.length > 0) {
    throw new InputError(
      `No section ${listForMessage(unknown)}; the sections are ${listForMessage(
        sections.map(s => s.title),
      )}, or "all"`,
    );
  }
  return sections.filter(s => keys.includes(s.id));
}

/** `patterns:get-pattern`: one pattern, its related patterns, and the sections asked for. */
export function registerGetPatternAction(options: PatternActionsOptions) {
  const { actionsRegistry, patterns } = options;
  actionsRegistry.register({
    name: 'get-pattern',
    title: 'Get an architecture pattern',
    description: [
      'Gets one architecture pattern of the portal’s catalog by id or alias (e.g. "circuit-breaker", "retry"):',
      'its summary, what it is best for, its key trade-off, its related patterns (complements, alternatives,',
      'what it builds on or enables) and, on request, sections of its document as markdown. Every document has the',
      'sections Overview, Why Use It, When to Use, When NOT to Use, How It Works (with Mermaid diagrams), Pros and Cons,',
      'Implementation Example, Real-World Examples and Related Patterns. Ask only for the sections you need,',
      'e.g. ["When to Use", "When NOT to Use"] to decide whether the pattern fits, or ["all"].',
      'An unknown id is a NotFoundError; list-patterns gives the ids.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .describe(
              `The pattern id or an alias, e.g. "circuit-breaker" (at most ${INPUT_LIMITS.id} characters)`,
            ),
          sections: z
            .array(z.string())
            .optional()
            .describe(
              `Section titles or slugs to include, e.g. ["When to Use", "how-it-works"], or ["all"]; none by default (at most ${INPUT_LIMITS.sections})`,
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          category: z.string(),
          summary: z.string(),
          bestFor: z.string(),
          tradeoff: z.string().describe('The key trade-off'),
          aliases: z.array(z.string()),
          references: z
            .array(z.string())
            .describe('Sources cited by the document'),
          related: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              relation: z
                .string()
                .describe(
                  'complements, alternative, builds-on or enables, as seen from this pattern',
                ),
              summary: z.string(),
            }),
          ),
          sectionTitles: z
            .array(z.string())
            .describe('Every section of the document, in order'),
          sections: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                markdown: z.string(),
              }),
            )
            .describe('The sections asked for, in document order'),
        }),
    },
    examples: [
      {
        title: 'Whether a circuit breaker fits',
        input: {
          id: 'circuit-breaker',
          sections: ['When to Use', 'When NOT to Use'],
        },
      },
    ],
    action: async ({ input }) => {
      const id = checkLength('id', input.id.trim(), INPUT_LIMITS.id);
      if (!id) throw new InputError('id is empty; list-patterns gives the ids');
      const wanted = checkCount(
        'sections',
        input.sections ?? [],
        INPUT_LIMITS.sections,
      );

      const document = await patterns.getPattern(id); // NotFoundError when unknown
      const summaries = new Map(
        (await patterns.listPatterns()).map(p => [p.id, p]),
      );
      const sections =
        wanted.length > 0 ? pickSections(document.sections, wanted) : [];

      return {
        output: {
          id: document.id,
          title: document.title,
          category: document.category,
          summary: document.summary,
          bestFor: document.bestFor,
          tradeoff: document.tradeoff,
          aliases: document.aliases,
          references: document.references,
          related: document.related
            .filter(link => summaries.has(link.id))
            .map(link => ({
              id: link.id,
              title: summaries.get(link.id)!.title,
              relation: link.relation,
              summary: summaries.get(link.id)!.summary,
            })),
          sectionTitles: document.sections.map(s => s.title),
          sections: sections.map(({ id: sectionId, title, markdown }) => ({
            id: sectionId,
            title,
            markdown,
          })),
        },
      };
    },
  });
}
