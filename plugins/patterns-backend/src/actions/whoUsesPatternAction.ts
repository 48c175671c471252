import { InputError } from '@backstage/errors';
import { asJsonOutput, checkLength, INPUT_LIMITS } from './limits';
import { PatternActionsOptions, READ_ONLY_ACTION } from './types';

/**
 * `patterns:who-uses-pattern`: GET /v1/patterns/:id/usage for assistants,
 * from the same PatternUsageService with the caller's credentials, so the
 * catalog's permission policy decides what each caller sees.
 */
export function registerWhoUsesPatternAction(options: PatternActionsOptions) {
  const { actionsRegistry, usage } = options;
  actionsRegistry.register({
    name: 'who-uses-pattern',
    title: 'Who uses an architecture pattern',
    description: [
      'Lists the software catalog entities (services, APIs, systems…) that use an architecture pattern, grouped by',
      'owning team, read from the catalog with your own permissions: you see only entities you may read.',
      'An entity uses a pattern when its catalog-info.yaml declares it in the `system-design/patterns` annotation',
      '(or, where evidence detection runs, its files show it). Use it to find the teams to ask about a pattern,',
      'e.g. "who uses circuit-breaker". Takes a pattern id or alias; an unknown one is a NotFoundError.',
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
        }),
      output: z => {
        // every object lets fields added to the usage answer later through
        const object = <T extends Parameters<typeof z.object>[0]>(shape: T) =>
          z.object(shape).passthrough();
        return object({
          patternId: z.string().describe('The canonical pattern id'),
          total: z
            .number()
            .describe('Distinct entities you may read that use the pattern'),
          owners: z
            .array(
              object({
                owner: z
                  .string()
                  .describe(
                    'The owner’s entity ref, e.g. group:default/team-a, or "unowned"',
                  ),
                entities: z.array(
                  object({
                    ref: z
                      .string()
                      .describe(
                        'The entity ref, e.g. component:default/checkout',
                      ),
                    kind: z.string(),
                    namespace: z.string(),
                    name: z.string(),
                    title: z.string().optional(),
                    type: z.string().optional(),
                    source: z
                      .enum(['declared', 'detected', 'both'])
                      .optional()
                      .describe(
                        'Whether the entity declares the pattern, has evidence of it, or both',
                      ),
                  }),
                ),
              }),
            )
            .describe('Sorted by owner ref, "unowned" last'),
        });
      },
    },
    examples: [
      { title: 'Who uses circuit breakers', input: { id: 'circuit-breaker' } },
    ],
    action: async ({ input, credentials }) => {
      const id = checkLength('id', input.id.trim(), INPUT_LIMITS.id);
      if (!id) throw new InputError('id is empty; list-patterns gives the ids');
      return { output: asJsonOutput(await usage.getUsage(id, credentials)) };
    },
  });
}
