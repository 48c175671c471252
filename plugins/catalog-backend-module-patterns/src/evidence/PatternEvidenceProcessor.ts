import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  getCompoundEntityRef,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { JsonValue } from '@backstage/types';
import {
  boundEvidenceWarnings,
  EvidenceRule,
  EvidenceWarning,
  evidenceWarningStatusItem,
  PATTERN_ENTITY_KIND,
  PATTERN_ENTITY_NAMESPACE,
  PATTERN_EVIDENCE_ANNOTATION,
  PATTERN_EVIDENCE_STATUS_TYPE,
  RELATION_HAS_PATTERN_EVIDENCE,
} from '@system-design/backstage-plugin-patterns-common';
import { ApiTypeSource, apiRefsOf } from './apiTypes';
import { ApiFact, CompiledEvidenceRules, Finding } from './compileRules';
import { fitAnnotation, toDetectedPatterns } from './detectedPatterns';
import { EvidenceOptions } from './evidenceOptions';
import { shortReason } from './parsers/types';
import { ReadTimeoutError } from './readSourceTree';
import { scanSourceTree } from './scanSourceTree';

/** What one source of evidence (the files, or the APIs' types) yields, and what to store for next time. */
type EvidencePart<Stored> = {
  findings: Finding[];
  warnings: EvidenceWarning[];
  stored?: Stored;
};

/** The evidence rules and the pattern ids they may name. */
export interface EvidenceRuleSet {
  rules: readonly EvidenceRule[];
  patternIds: readonly string[];
}

export interface PatternEvidenceProcessorOptions {
  /** The loaded rules; called for every entity, so it should be cheap (cached content). */
  loadRules: () => Promise<EvidenceRuleSet>;
  /** The portal's URL reader (`coreServices.urlReader`): GitHub, GitLab, Bitbucket, Azure DevOps… as configured. */
  reader: UrlReaderService;
  /** The types of the APIs an entity provides or consumes; without it the API rules are skipped. */
  apiTypes?: ApiTypeSource;
  logger: LoggerService;
  options: EvidenceOptions;
  now?: () => number;
}

/** What the processor keeps between runs of one entity (the processor cache). */
interface StoredEvidence {
  version: 1;
  files?: {
    /** The source location the evidence was read from. */
    location: string;
    rulesHash: string;
    etag: string;
    /** When the tree was last read or confirmed unchanged (ms since epoch). */
    checkedAt: number;
    findings: Finding[];
    warnings: EvidenceWarning[];
  };
  /** The findings of the API rules at the last successful lookup. */
  apis?: Finding[];
}

const CACHE_KEY = 'evidence';

/**
 * Detects the patterns an entity really uses and stores them in the
 * catalog: one `hasPatternEvidence` relation to `pattern:default/<id>` per
 * detected pattern (so "who has evidence of X" is an indexed catalog query,
 * like "who declares X"), and the evidence itself in the
 * `system-design/pattern-evidence` annotation.
 *
 * The evidence comes from the rules of the content's `evidence.yaml`:
 * dependency and manifest rules read the entity's source tree
 * (`backstage.io/source-location`) through the URL reader, bounded in files
 * and bytes and given up after a timeout; catalog rules read the entity's
 * own fields; API rules read the types of the APIs it provides and consumes.
 *
 * Ingestion never waits on a failure: a tree that cannot be read, a
 * malformed manifest or a catalog that does not answer becomes a warning
 * status item, and the last evidence is kept. An unchanged tree is not read
 * again: its ETag is stored in the processor cache, and the reader answers
 * NotModified. Between checks (`refreshInterval`) nothing is requested.
 */
export class PatternEvidenceProcessor implements CatalogProcessor {
  private compiled?: {
    rules: readonly EvidenceRule[];
    compiled: CompiledEvidenceRules;
  };
  private readonly now: () => number;

  constructor(private readonly options: PatternEvidenceProcessorOptions) {
    this.now = options.now ?? Date.now;
  }

  getProcessorName(): string {
    return 'PatternEvidenceProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const cleaned = withoutEvidenceAnnotation(entity);
    if (!this.options.options.enabled) return cleaned;

    const { rules, patternIds } = await this.options.loadRules();
    const compiled = this.compile(rules);
    const stored = await readStored(cache);
    const next: StoredEvidence = { version: 1 };
    const warnings: EvidenceWarning[] = [];
    const findings: Finding[] = [...compiled.matchEntity(entity)];

    const files = await this.fileEvidence(entity, compiled, stored);
    if (files.stored) next.files = files.stored;
    findings.push(...files.findings);
    warnings.push(...files.warnings);

    const apis = await this.apiEvidence(entity, compiled, stored);
    if (apis.stored) next.apis = apis.stored;
    findings.push(...apis.findings);
    warnings.push(...apis.warnings);

    await cache.set(CACHE_KEY, next as unknown as JsonValue);

    const { detected, value } = fitAnnotation(
      toDetectedPatterns(findings, new Set(patternIds)),
    );
    const source = getCompoundEntityRef(entity);
    for (const { id } of detected) {
      emit(
        processingResult.relation({
          source,
          type: RELATION_HAS_PATTERN_EVIDENCE,
          target: {
            kind: PATTERN_ENTITY_KIND,
            namespace: PATTERN_ENTITY_NAMESPACE,
            name: id,
          },
        }),
      );
    }

    let result: AlphaEntity = cleaned;
    if (detected.length > 0) {
      result = {
        ...result,
        metadata: {
          ...result.metadata,
          annotations: {
            ...result.metadata.annotations,
            [PATTERN_EVIDENCE_ANNOTATION]: value,
          },
        },
      };
    }
    if (warnings.length > 0) {
      this.options.logger.debug(
        `Pattern evidence warnings on ${stringifyEntityRef(entity)}: ${warnings
          .map(w => w.message)
          .join(' ')}`,
      );
      result = withWarnings(result, boundEvidenceWarnings(dedupe(warnings)));
    }
    return result;
  }

  private compile(rules: readonly EvidenceRule[]): CompiledEvidenceRules {
    if (this.compiled?.rules !== rules) {
      this.compiled = { rules, compiled: new CompiledEvidenceRules(rules) };
    }
    return this.compiled.compiled;
  }

  /** Evidence from the source tree: read, confirmed unchanged, reused, or kept after a failure. */
  private async fileEvidence(
    entity: Entity,
    rules: CompiledEvidenceRules,
    stored: StoredEvidence | undefined,
  ): Promise<EvidencePart<StoredEvidence['files']>> {
    const { options } = this.options;
    const location = sourceLocationOf(entity);
    const wanted =
      location &&
      options.kinds.includes(entity.kind.toLocaleLowerCase('en-US')) &&
      (rules.needs.ecosystems.size > 0 || rules.needs.manifests);
    if (!wanted) return { findings: [], warnings: [] };

    const previous =
      stored?.files?.location === location &&
      stored.files.rulesHash === rules.fileRulesHash
        ? stored.files
        : undefined;
    const now = this.now();
    if (previous && now - previous.checkedAt < options.refreshIntervalMs) {
      return {
        findings: previous.findings,
        warnings: previous.warnings,
        stored: previous,
      };
    }

    try {
      const scan = await scanSourceTree(this.options.reader, location, rules, {
        etag: previous?.etag,
        limits: {
          maxFiles: options.maxFiles,
          maxBytes: options.maxBytes,
          maxFileBytes: options.maxFileBytes,
          timeoutMs: options.readTimeoutMs,
        },
      });
      const next = {
        location,
        rulesHash: rules.fileRulesHash,
        etag: scan.etag,
        checkedAt: now,
        findings: scan.findings,
        warnings: boundEvidenceWarnings(scan.warnings),
      };
      return { findings: next.findings, warnings: next.warnings, stored: next };
    } catch (error) {
      if (previous && (error as Error)?.name === 'NotModifiedError') {
        const next = { ...previous, checkedAt: now };
        return {
          findings: next.findings,
          warnings: next.warnings,
          stored: next,
        };
      }
      // Keep whatever was last read from this location, even with older rules.
      const last =
        stored?.files?.location === location ? stored.files : undefined;
      const reason =
        error instanceof ReadTimeoutError ? error.message : shortReason(error);
      this.options.logger.info(
        `Pattern evidence: could not read ${location} for ${stringifyEntityRef(
          entity,
        )}: ${reason}`,
      );
      const warning: EvidenceWarning = {
        kind: 'read-failed',
        message: `The source at ${location} could not be read (${reason}). ${
          last
            ? 'The evidence shown is from the last successful read.'
            : 'No evidence has been read from it yet.'
        }`,
      };
      return {
        findings: last?.findings ?? [],
        warnings: [warning, ...(last?.warnings ?? [])],
        stored: last,
      };
    }
  }

  /** Evidence from the types of the APIs the entity provides and consumes. */
  private async apiEvidence(
    entity: Entity,
    rules: CompiledEvidenceRules,
    stored: StoredEvidence | undefined,
  ): Promise<EvidencePart<Finding[]>> {
    const { apiTypes } = this.options;
    if (!apiTypes || !rules.hasApiRules) return { findings: [], warnings: [] };
    const refs = apiRefsOf(entity);
    if (refs.length === 0) return { findings: [], warnings: [] };
    try {
      const types = await withTimeout(
        apiTypes.typesOf(refs.map(r => r.ref)),
        this.options.options.readTimeoutMs,
      );
      const facts: ApiFact[] = refs.flatMap(({ ref, relation }) => {
        const type = types.get(ref);
        return type ? [{ ref, relation, type }] : [];
      });
      const findings = rules.matchApis(facts);
      return { findings, warnings: [], stored: findings };
    } catch (error) {
      const last = stored?.apis ?? [];
      return {
        findings: last,
        warnings: [
          {
            kind: 'catalog-read-failed',
            message:
              `The types of the entity's APIs could not be read from the catalog (${shortReason(
                error,
              )}). ${
                last.length > 0
                  ? 'The API evidence shown is from the last successful read.'
                  : ''
              }`.trim(),
          },
        ],
        stored: stored?.apis,
      };
    }
  }
}

/** The `url:` target of `backstage.io/source-location`, or undefined. */
export function sourceLocationOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!value) return undefined;
  try {
    const { type, target } = parseLocationRef(value);
    return type === 'url' ? target : undefined;
  } catch {
    return undefined;
  }
}

async function readStored(
  cache: CatalogProcessorCache,
): Promise<StoredEvidence | undefined> {
  const value = (await cache.get(CACHE_KEY)) as unknown as
    | StoredEvidence
    | undefined;
  return value && value.version === 1 ? value : undefined;
}

/** The entity without a value of the evidence annotation that someone wrote: only the processor writes it. */
function withoutEvidenceAnnotation(entity: Entity): Entity {
  const annotations = entity.metadata.annotations;
  if (!annotations || !(PATTERN_EVIDENCE_ANNOTATION in annotations))
    return entity;
  const { [PATTERN_EVIDENCE_ANNOTATION]: _removed, ...rest } = annotations;
  return { ...entity, metadata: { ...entity.metadata, annotations: rest } };
}

function dedupe(warnings: EvidenceWarning[]): EvidenceWarning[] {
  const seen = new Set<string>();
  return warnings.filter(w => !seen.has(w.message) && seen.add(w.message));
}

/** The entity with the warnings appended to its status; earlier evidence warnings are replaced. */
function withWarnings(
  entity: AlphaEntity,
  warnings: EvidenceWarning[],
): AlphaEntity {
  const others = (entity.status?.items ?? []).filter(
    item => item.type !== PATTERN_EVIDENCE_STATUS_TYPE,
  );
  return {
    ...entity,
    status: {
      ...entity.status,
      items: [...others, ...warnings.map(evidenceWarningStatusItem)],
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReadTimeoutError(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
