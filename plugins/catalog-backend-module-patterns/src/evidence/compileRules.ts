import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import {
  DependencyEcosystem,
  EvidenceRule,
  ManifestMatch,
  PatternEvidence,
} from '@system-design/backstage-plugin-patterns-common';
import { findStringValue, formatPath, valuesAt } from './documentPaths';
import { formatDependency, packageMatcher } from './dependencyNames';
import { EvidenceFileNeeds } from './evidenceFiles';
import { Dependency, isPlainObject } from './parsers/types';

/** One match of one rule: evidence for one pattern. */
export interface Finding {
  patternId: string;
  evidence: PatternEvidence;
}

/** What one file of the source tree says, parsed. */
export type FileFacts =
  | { path: string; ecosystem: DependencyEcosystem; dependencies: Dependency[] }
  | { path: string; documents: unknown[] };

/** An API the entity provides or consumes, with its type as the catalog has it. */
export interface ApiFact {
  ref: string;
  relation: 'provides' | 'consumes';
  type: string;
}

type DependencyMatcher = {
  rule: EvidenceRule;
  ecosystem: DependencyEcosystem;
  matches: (name: string) => boolean;
};

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The loaded evidence rules, prepared once per content load: what files they
 * need, a hash of the file rules (stored evidence computed with other rules
 * is not reused), and matchers for files, entity fields and APIs.
 */
export class CompiledEvidenceRules {
  readonly needs: EvidenceFileNeeds;
  /** Changes whenever a rule that reads files changes. */
  readonly fileRulesHash: string;
  readonly hasApiRules: boolean;
  private readonly dependencyRules: DependencyMatcher[];
  private readonly manifestRules: Array<{
    rule: EvidenceRule;
    manifest: ManifestMatch;
  }>;
  private readonly catalogRules: EvidenceRule[];
  private readonly apiRules: EvidenceRule[];

  constructor(rules: readonly EvidenceRule[]) {
    this.dependencyRules = rules.flatMap(rule =>
      rule.dependency
        ? [
            {
              rule,
              ecosystem: rule.dependency.ecosystem,
              matches: packageMatcher(
                rule.dependency.ecosystem,
                rule.dependency.packages,
              ),
            },
          ]
        : [],
    );
    this.manifestRules = rules.flatMap(rule =>
      rule.manifest ? [{ rule, manifest: rule.manifest }] : [],
    );
    this.catalogRules = rules.filter(rule => rule.catalog);
    this.apiRules = rules.filter(rule => rule.apis);
    this.hasApiRules = this.apiRules.length > 0;
    this.needs = {
      ecosystems: new Set(this.dependencyRules.map(r => r.ecosystem)),
      manifests: this.manifestRules.length > 0,
    };
    this.fileRulesHash = createHash('sha256')
      .update(
        JSON.stringify([
          this.dependencyRules.map(r => r.rule),
          this.manifestRules.map(r => r.rule),
        ]),
      )
      .digest('hex')
      .slice(0, 16);
  }

  /** The findings of the dependency and manifest rules in one parsed file. */
  matchFile(facts: FileFacts): Finding[] {
    const findings: Finding[] = [];
    if ('dependencies' in facts) {
      for (const { rule, ecosystem, matches } of this.dependencyRules) {
        if (ecosystem !== facts.ecosystem) continue;
        for (const dependency of facts.dependencies) {
          if (!matches(dependency.name)) continue;
          findings.push(
            ...forPatterns(
              rule,
              facts.path,
              formatDependency(ecosystem, dependency),
            ),
          );
        }
      }
      return findings;
    }
    for (const { rule, manifest } of this.manifestRules) {
      for (const document of facts.documents) {
        const detail = matchManifest(manifest, document);
        if (detail) findings.push(...forPatterns(rule, facts.path, detail));
      }
    }
    return findings;
  }

  /** The findings of the catalog-field rules on the entity itself. */
  matchEntity(entity: Entity): Finding[] {
    const kind = lower(entity.kind);
    const findings: Finding[] = [];
    for (const rule of this.catalogRules) {
      const match = rule.catalog!;
      if (!match.kinds.some(k => lower(k) === kind)) continue;
      const wanted = new Set(match.values.map(lower));
      for (const value of valuesAt(entity, match.field.split('.'))) {
        if (typeof value === 'string' && wanted.has(lower(value))) {
          findings.push(...forPatterns(rule, match.field, value));
          break;
        }
      }
    }
    return findings;
  }

  /** The findings of the API rules for the entity's APIs and their types. */
  matchApis(apis: readonly ApiFact[]): Finding[] {
    const findings: Finding[] = [];
    for (const rule of this.apiRules) {
      const match = rule.apis!;
      const types = new Set(match.types.map(lower));
      for (const api of apis) {
        if (match.relation !== 'any' && match.relation !== api.relation)
          continue;
        if (!types.has(lower(api.type))) continue;
        const source =
          api.relation === 'provides'
            ? 'spec.providesApis'
            : 'spec.consumesApis';
        findings.push(...forPatterns(rule, source, `${api.ref} (${api.type})`));
      }
    }
    return findings;
  }
}

function forPatterns(
  rule: EvidenceRule,
  source: string,
  detail: string,
): Finding[] {
  return rule.patterns.map(patternId => ({
    patternId,
    evidence: {
      rule: rule.id,
      source: source.slice(0, 500),
      detail: detail.slice(0, 500),
      strength: rule.strength,
    },
  }));
}

/** `argoproj.io` for `argoproj.io/v1alpha1`, `core` for `v1`. */
function apiGroupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? 'core' : apiVersion.slice(0, slash);
}

/** `Rollout/checkout`, or the document's `name`, or nothing. */
function documentLabel(document: Record<string, unknown>): string {
  const metadata = isPlainObject(document.metadata) ? document.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (typeof document.kind === 'string') {
    return name ? `${document.kind}/${name}` : document.kind;
  }
  return typeof document.name === 'string' ? document.name : '';
}

/** What the document shows, when it matches the rule; undefined otherwise. */
export function matchManifest(
  match: ManifestMatch,
  document: unknown,
): string | undefined {
  if (!isPlainObject(document)) return undefined;
  if (match.kinds && !match.kinds.includes(String(document.kind)))
    return undefined;
  if (match.apiGroups) {
    const group = apiGroupOf(document.apiVersion);
    if (!group || !match.apiGroups.includes(group)) return undefined;
  }
  const label = documentLabel(document);
  const prefix = label ? `${label} ` : '';
  const path = match.path ?? [];
  const shown = formatPath(path);

  if (match.containsValue) {
    const roots = path.length > 0 ? valuesAt(document, path) : [document];
    for (const root of roots) {
      const found = findStringValue(root, new Set(match.containsValue));
      if (found)
        return `${prefix}${formatPath([...path, ...found.path])}=${
          found.value
        }`;
    }
    return undefined;
  }
  if (path.length === 0) return label || undefined;

  const values = valuesAt(document, path);
  if (match.absent) {
    return values.length === 0 ? `${prefix}${shown} not set` : undefined;
  }
  if (match.equals) {
    const hit = values.find(
      value =>
        ['string', 'number', 'boolean'].includes(typeof value) &&
        match.equals!.includes(String(value)),
    );
    return hit === undefined ? undefined : `${prefix}${shown}=${String(hit)}`;
  }
  return values.length > 0 ? `${prefix}${shown}` : undefined;
}
