import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { asJsonOutput, checkLength, INPUT_LIMITS } from './limits';
import { PatternActionsOptions, READ_ONLY_ACTION } from './types';

const validator = makeValidator();

/** `kind:namespace/name`, with Component and `default` when left out; each part as the catalog allows it. */
function parseRef(value: string) {
  const text = checkLength('entityRef', value.trim(), INPUT_LIMITS.entityRef);
  const refused = () =>
    new InputError(
      `entityRef ${JSON.stringify(
        text,
      )} is not an entity ref; write kind:namespace/name, e.g. component:default/checkout`,
    );
  let ref;
  try {
    ref = parseEntityRef(text, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw refused();
  }
  if (
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw refused();
  }
  return ref;
}

/**
 * `patterns:get-entity-pattern-report`: GET
 * /v1/entities/:kind/:namespace/:name/patterns for assistants, from the same
 * EntityPatternReportService with the caller's credentials.
 */
export function registerEntityPatternReportAction(
  options: PatternActionsOptions,
) {
  const { actionsRegistry, reports } = options;
  actionsRegistry.register({
    name: 'get-entity-pattern-report',
    title: 'Pattern report of a catalog entity',
    description: [
      'Reports the architecture patterns of one software catalog entity (a service, API or system), read with your',
      'own permissions: the pattern ids it declares in its `system-design/patterns` annotation, the patterns detected',
      'from its files or catalog fields where detection runs (with evidence), problems with the annotation (unknown ids,',
      'with the closest known id), risky gaps (e.g. retries without a timeout) with what to add, and patterns often used',
      'with the ones it has. Takes an entity ref such as "component:default/checkout" (kind and namespace default to',
      'component and default). An entity that does not exist or that you may not read is a NotFoundError.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              `The entity ref, e.g. "component:default/checkout" or "checkout" (at most ${INPUT_LIMITS.entityRef} characters)`,
            ),
        }),
      output: z => {
        // every object lets fields added to the report later through
        const object = <T extends Parameters<typeof z.object>[0]>(shape: T) =>
          z.object(shape).passthrough();
        return object({
          entityRef: z.string(),
          annotated: z
            .boolean()
            .describe(
              'Whether the entity has the system-design/patterns annotation',
            ),
          annotation: z.string().describe('The annotation value as written'),
          declared: z
            .array(z.string())
            .describe('Declared pattern ids, aliases resolved'),
          detected: z
            .array(
              object({
                id: z.string(),
                evidence: z.array(
                  object({
                    rule: z.string(),
                    source: z
                      .string()
                      .describe('A file path or a catalog field'),
                    detail: z.string(),
                    strength: z.string().describe('strong or weak'),
                  }),
                ),
              }),
            )
            .describe(
              'Patterns with evidence, strongest first; empty where no detector has run',
            ),
          states: z.array(
            object({
              id: z.string(),
              state: z
                .string()
                .describe(
                  'declared-and-detected, declared-no-evidence or detected-not-declared',
                ),
            }),
          ),
          annotationLineForDetected: z
            .string()
            .optional()
            .describe(
              'The annotation line that also declares what is detected but not declared',
            ),
          problems: z
            .array(
              object({
                kind: z.string(),
                token: z.string(),
                message: z.string(),
                suggestion: z
                  .string()
                  .optional()
                  .describe('The closest known id'),
              }),
            )
            .describe('Problems with the annotation value'),
          evidenceWarnings: z
            .array(
              object({
                kind: z.string(),
                file: z.string().optional(),
                message: z.string(),
              }),
            )
            .optional()
            .describe(
              'Why evidence is missing or incomplete (a repository that could not be read, a malformed manifest…)',
            ),
          gaps: z
            .array(
              object({
                ruleId: z.string(),
                severity: z.string().describe('warning or info'),
                message: z.string(),
                uses: z.array(z.string()),
                missing: z
                  .array(z.string())
                  .describe('Any one of these closes the gap'),
                suggest: z.array(z.string()),
              }),
            )
            .describe(
              'Risky combinations among the patterns used, warnings first',
            ),
          suggestions: z
            .array(
              object({
                id: z.string(),
                title: z.string(),
                score: z.number(),
                reason: z.string(),
                reasons: z.array(
                  z.union([
                    object({
                      type: z.literal('related'),
                      from: z.string(),
                      relation: z.string(),
                      text: z.string(),
                    }),
                    object({
                      type: z.literal('scenario'),
                      scenario: z.string(),
                      with: z.array(z.string()),
                      text: z.string(),
                    }),
                  ]),
                ),
              }),
            )
            .describe('Patterns often used with the ones the entity has'),
        });
      },
    },
    examples: [
      {
        title: 'The patterns of the checkout service',
        input: { entityRef: 'component:default/checkout' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseRef(input.entityRef);
      return {
        output: asJsonOutput(await reports.getReport(ref, credentials)),
      };
    },
  });
}
