import { Entity } from '@backstage/catalog-model';
import { EntityStatusItem } from '@backstage/catalog-model/alpha';
import { z } from 'zod';
import { statusDataOf } from '../annotation/statusData';

/**
 * The status item type of the catalog module's evidence warnings. Unlike
 * `backstage.io/catalog-processing` errors they are warnings: the entity is
 * ingested, its last evidence is kept, and the catalog's own error panel
 * (which shows errors only) stays quiet; the Patterns tab shows them.
 */
export const PATTERN_EVIDENCE_STATUS_TYPE = 'system-design/pattern-evidence';

/** Why evidence is missing or incomplete. */
export const EVIDENCE_WARNING_KINDS = [
  /** The repository could not be read; the evidence shown is from the last successful read. */
  'read-failed',
  /** A manifest could not be parsed (broken JSON, XML, YAML, TOML). */
  'malformed',
  /** A file over the per-file size limit was not read. */
  'too-large',
  /** A file that should be text is binary. */
  'binary',
  /** The file or byte budget ran out; later files were not read. */
  'limit',
  /** The catalog could not be asked for the types of the entity's APIs. */
  'catalog-read-failed',
  /** More warnings than are listed; `message` says how many. */
  'more',
] as const;

export const evidenceWarningSchema = z.object({
  kind: z.enum(EVIDENCE_WARNING_KINDS),
  /** The file in the repository, when the warning is about one. */
  file: z.string().max(500).optional(),
  /** A sentence for people. */
  message: z.string().max(1000),
});

export type EvidenceWarningKind = (typeof EVIDENCE_WARNING_KINDS)[number];
export type EvidenceWarning = z.infer<typeof evidenceWarningSchema>;

/** At most this many warnings are recorded on one entity (then one `more`). */
export const MAX_EVIDENCE_WARNINGS = 10;

const WARNING_FIELD = 'patternEvidenceWarning';

/** The status item the catalog module records for one evidence warning. */
export function evidenceWarningStatusItem(
  warning: EvidenceWarning,
): EntityStatusItem {
  const message = `Pattern evidence: ${warning.message}`;
  return {
    type: PATTERN_EVIDENCE_STATUS_TYPE,
    level: 'warning',
    message,
    error: {
      name: 'PatternEvidenceWarning',
      message,
      [WARNING_FIELD]: { ...warning },
    },
  };
}

/** The evidence warnings the catalog recorded on the entity's status, without duplicates. */
export function evidenceWarningsFromStatus(entity: Entity): EvidenceWarning[] {
  return statusDataOf(
    entity,
    PATTERN_EVIDENCE_STATUS_TYPE,
    WARNING_FIELD,
    evidenceWarningSchema,
  );
}

/** The warnings cut to MAX_EVIDENCE_WARNINGS, the rest summed up in one `more`. */
export function boundEvidenceWarnings(
  warnings: readonly EvidenceWarning[],
): EvidenceWarning[] {
  if (warnings.length <= MAX_EVIDENCE_WARNINGS) return [...warnings];
  const shown = warnings.slice(0, MAX_EVIDENCE_WARNINGS - 1);
  return [
    ...shown,
    {
      kind: 'more',
      message: `…and ${warnings.length - shown.length} more evidence warnings.`,
    },
  ];
}
