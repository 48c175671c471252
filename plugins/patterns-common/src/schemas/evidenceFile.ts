import { z } from 'zod';
import { patternIdSchema } from './patternId';

/**
 * `evidence.yaml`: the rules that tell which patterns a service really uses,
 * from its dependencies, its deployment manifests and its catalog fields.
 * The catalog module applies them; the content loader merges them by id
 * across content directories like the other content files.
 */

/** How much one match says: `strong` (the library or manifest is the pattern) or `weak` (it hints at it). */
export const EVIDENCE_STRENGTHS = ['strong', 'weak'] as const;

/**
 * The package ecosystems a dependency rule can name, and the files read for
 * each: npm (`package.json` dependencies, devDependencies and
 * optionalDependencies), maven (`groupId:artifactId` from `pom.xml`,
 * `build.gradle`, `build.gradle.kts` and `gradle/libs.versions.toml`:
 * Gradle resolves Maven coordinates), go (`go.mod` requires, indirect ones
 * left out), nuget (`PackageReference` in `*.csproj`, `*.fsproj`,
 * `*.vbproj`, and `packages.config`), pypi (`requirements*.txt`,
 * `pyproject.toml`, `Pipfile`).
 */
export const DEPENDENCY_ECOSYSTEMS = [
  'npm',
  'maven',
  'go',
  'nuget',
  'pypi',
] as const;

export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];
export type DependencyEcosystem = (typeof DEPENDENCY_ECOSYSTEMS)[number];

/** What a package name of each ecosystem looks like (`*` is a wildcard in rules). */
const PACKAGE_NAME_PATTERNS: Record<
  DependencyEcosystem,
  { pattern: RegExp; example: string }
> = {
  npm: {
    pattern:
      /^(@[A-Za-z0-9*][A-Za-z0-9._*~-]*\/)?[A-Za-z0-9*][A-Za-z0-9._*~-]*$/,
    example: '@grpc/grpc-js',
  },
  maven: {
    pattern: /^[A-Za-z0-9_.*-]+:[A-Za-z0-9_.*-]+$/,
    example: 'io.github.resilience4j:resilience4j-retry',
  },
  go: {
    pattern: /^[A-Za-z0-9.*-]+(\.[A-Za-z0-9*-]+)*(\/[A-Za-z0-9._~*+-]+)*$/,
    example: 'github.com/sony/gobreaker',
  },
  nuget: { pattern: /^[A-Za-z0-9_*][A-Za-z0-9_.*-]*$/, example: 'Polly' },
  pypi: {
    pattern: /^[A-Za-z0-9*]([A-Za-z0-9._*-]*[A-Za-z0-9*])?$/,
    example: 'tenacity',
  },
};

/** A dependency on one of the packages, in the ecosystem's manifests. */
export const dependencyMatchSchema = z
  .object({
    ecosystem: z.enum(DEPENDENCY_ECOSYSTEMS),
    /** Package names as the ecosystem writes them; `*` matches any characters. */
    packages: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
  })
  .strict()
  .superRefine((value, ctx) => {
    const { pattern, example } = PACKAGE_NAME_PATTERNS[value.ecosystem];
    value.packages.forEach((name, i) => {
      if (!pattern.test(name)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['packages', i],
          message: `"${name}" is not a ${value.ecosystem} package name (e.g. ${example})`,
        });
      }
    });
  });

/** A path into a document: `spec.strategy.canary`, or a list of keys when a key has dots. */
const documentPathSchema = z
  .union([z.string().trim().min(1), z.array(z.string().min(1)).min(1)])
  .transform(path => (typeof path === 'string' ? path.split('.') : path));

const scalarSchema = z
  .union([z.string(), z.number(), z.boolean()])
  .transform(String);

/**
 * A YAML or JSON document in the repository (Kubernetes manifests, Argo
 * Rollouts, Flagger, connector configs): every condition given must hold.
 */
export const manifestMatchSchema = z
  .object({
    /** API groups of `apiVersion` (`argoproj.io` for `argoproj.io/v1alpha1`; `core` for `v1`). */
    apiGroups: z.array(z.string().trim().min(1)).optional(),
    /** Values of `kind` (case-sensitive, as Kubernetes writes them). */
    kinds: z.array(z.string().trim().min(1)).optional(),
    /** Where to look; without it, the whole document. */
    path: documentPathSchema.optional(),
    /** The value at `path` must be one of these (compared as text). Without `equals`, `absent` or `containsValue`, it must exist. */
    equals: z.array(scalarSchema).min(1).optional(),
    /** The value at `path` must be missing: the field's default is the pattern (a Deployment without `strategy.type` rolls). */
    absent: z.literal(true).optional(),
    /** Some string at or below `path` must equal one of these. */
    containsValue: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (
      !value.kinds &&
      !value.apiGroups &&
      !value.path &&
      !value.containsValue
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'a manifest rule needs at least one of kinds, apiGroups, path, containsValue',
      });
    }
    const conditions = (['equals', 'absent', 'containsValue'] as const).filter(
      key => value[key] !== undefined,
    );
    if (conditions.length > 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `use one of equals, absent, containsValue (it has ${conditions.join(
          ', ',
        )})`,
      });
    }
    if ((value.equals || value.absent) && !value.path) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['path'],
        message: 'equals and absent need a path',
      });
    }
  });

/** A field of the entity itself, e.g. an API entity's `spec.type`. */
export const catalogMatchSchema = z
  .object({
    /** Entity kinds the rule applies to, case-insensitive. */
    kinds: z.array(z.string().trim().min(1)).min(1),
    /** A dot path into the entity, e.g. `spec.type`. */
    field: z.string().trim().min(1),
    /** Values that match, case-insensitive. */
    values: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

/** The APIs an entity provides or consumes (`spec.providesApis`, `spec.consumesApis`), by their `spec.type`. */
export const apisMatchSchema = z
  .object({
    relation: z.enum(['provides', 'consumes', 'any']).default('any'),
    /** API types that match, case-insensitive. */
    types: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

/** The kinds of signal a rule can match; exactly one per rule. */
export const EVIDENCE_MATCH_KINDS = [
  'dependency',
  'manifest',
  'catalog',
  'apis',
] as const;
export type EvidenceMatchKind = (typeof EVIDENCE_MATCH_KINDS)[number];

const ruleFields = {
  /** Stable id, e.g. `npm-opossum`; a later directory overrides or disables a rule by id. */
  id: patternIdSchema,
  /** The patterns a match is evidence for. */
  patterns: z.array(patternIdSchema).min(1).max(10),
  strength: z.enum(EVIDENCE_STRENGTHS),
  /** Why the signal shows the pattern, for people reading the rules. */
  description: z.string().trim().min(1).optional(),
  dependency: dependencyMatchSchema.optional(),
  manifest: manifestMatchSchema.optional(),
  catalog: catalogMatchSchema.optional(),
  apis: apisMatchSchema.optional(),
};

function exactlyOneMatch(
  value: Partial<Record<EvidenceMatchKind, unknown>>,
  ctx: z.RefinementCtx,
) {
  const given = EVIDENCE_MATCH_KINDS.filter(kind => value[kind] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `a rule needs exactly one of ${EVIDENCE_MATCH_KINDS.join(', ')}${
        given.length > 1 ? ` (it has ${given.join(', ')})` : ''
      }`,
    });
  }
}

/** One evidence rule, as the catalog module applies it. */
export const evidenceRuleSchema = z
  .object(ruleFields)
  .strict()
  .superRefine(exactlyOneMatch);

export type EvidenceRule = z.infer<typeof evidenceRuleSchema>;
export type DependencyMatch = z.infer<typeof dependencyMatchSchema>;
export type ManifestMatch = z.infer<typeof manifestMatchSchema>;
export type CatalogMatch = z.infer<typeof catalogMatchSchema>;
export type ApisMatch = z.infer<typeof apisMatchSchema>;

/** The kind of signal a rule matches. */
export function evidenceMatchKind(rule: EvidenceRule): EvidenceMatchKind {
  return EVIDENCE_MATCH_KINDS.find(kind => rule[kind] !== undefined)!;
}

/**
 * A rule of `evidence.yaml`: a whole rule, or `{ id, disabled: true }` to
 * switch off a rule of an earlier directory.
 */
export const evidenceFileRuleSchema = z
  .object({ id: patternIdSchema, disabled: z.boolean().default(false) })
  .passthrough()
  .superRefine((value, ctx) => {
    if (value.disabled) return;
    const { disabled: _disabled, ...rule } = value;
    const parsed = evidenceRuleSchema.safeParse(rule);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue(issue);
    }
  })
  .transform(
    (
      value,
    ):
      | { id: string; disabled: true }
      | (EvidenceRule & { disabled: false }) => {
      if (value.disabled) return { id: value.id, disabled: true };
      const { disabled: _disabled, ...rule } = value;
      return { ...evidenceRuleSchema.parse(rule), disabled: false };
    },
  );

export const evidenceFileSchema = z.object({
  rules: z.array(evidenceFileRuleSchema),
});

export type EvidenceFileRule = z.output<typeof evidenceFileRuleSchema>;
