import { UrlReaderService } from '@backstage/backend-plugin-api';
import { EvidenceWarning } from '@system-design/backstage-plugin-patterns-common';
import {
  classifyEvidenceFile,
  EvidenceFileKind,
  EvidenceFileNeeds,
} from './evidenceFiles';
import { shortReason } from './parsers/types';

export interface SourceTreeLimits {
  maxFiles: number;
  maxBytes: number;
  maxFileBytes: number;
  timeoutMs: number;
}

export interface EvidenceSourceFile {
  path: string;
  kind: EvidenceFileKind;
  text: string;
}

export interface SourceTreeRead {
  etag: string;
  files: EvidenceSourceFile[];
  warnings: EvidenceWarning[];
}

/** Bytes looked at to tell a binary file from text. */
const SNIFF_BYTES = 8000;

/**
 * The content as a Buffer, whatever the reader handed back: the tar-based
 * readers answer an empty entry (a symbolic link) with an empty array.
 */
function toBuffer(content: unknown): Buffer {
  if (Buffer.isBuffer(content)) return content;
  if (content instanceof Uint8Array) return Buffer.from(content);
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (Array.isArray(content)) {
    return content.length === 0
      ? Buffer.alloc(0)
      : Buffer.concat(content.map(toBuffer));
  }
  if (content === undefined || content === null) return Buffer.alloc(0);
  throw new Error(`unexpected content (${typeof content})`);
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, SNIFF_BYTES).includes(0);
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** The error thrown when a read takes longer than its limit. */
export class ReadTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${Math.round(ms / 1000)} s`);
    this.name = 'ReadTimeoutError';
  }
}

/**
 * Reads the files the rules need from the tree at `url`, through the
 * portal's URL reader (whatever integration serves the URL), within the
 * limits: at most `maxFiles` files and `maxBytes` bytes, no file over
 * `maxFileBytes`, binary files skipped, the whole read given up after
 * `timeoutMs`. With an `etag` an unchanged tree is not read: the reader
 * throws NotModifiedError, which the caller handles.
 */
export async function readSourceTree(
  reader: UrlReaderService,
  url: string,
  options: {
    etag?: string;
    needs: EvidenceFileNeeds;
    limits: SourceTreeLimits;
  },
): Promise<SourceTreeRead> {
  const { needs, limits } = options;
  const warnings: EvidenceWarning[] = [];
  const accepted = new Map<string, boolean>();
  let files = 0;
  let bytes = 0;
  let overBudget = 0;

  const filter = (path: string, info?: { size: number }): boolean => {
    const known = accepted.get(path);
    if (known !== undefined) return known;
    const decide = (ok: boolean) => {
      accepted.set(path, ok);
      return ok;
    };
    if (!classifyEvidenceFile(path, needs)) return decide(false);
    const size = info?.size ?? 0;
    if (size > limits.maxFileBytes) {
      warnings.push({
        kind: 'too-large',
        file: path,
        message: `${path} is ${kib(size)}, over the ${kib(
          limits.maxFileBytes,
        )} limit per file; it was not read.`,
      });
      return decide(false);
    }
    if (files >= limits.maxFiles || bytes + size > limits.maxBytes) {
      overBudget++;
      return decide(false);
    }
    files++;
    bytes += size;
    return decide(true);
  };

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ReadTimeoutError(limits.timeoutMs));
    }, limits.timeoutMs);
  });

  const read = async (): Promise<SourceTreeRead> => {
    const tree = await reader.readTree(url, {
      etag: options.etag,
      filter,
      signal: controller.signal,
    });
    const result: EvidenceSourceFile[] = [];
    let readBytes = 0;
    for (const file of await tree.files()) {
      const kind = classifyEvidenceFile(file.path, needs);
      if (!kind) continue; // a reader that ignores the filter
      if (result.length >= limits.maxFiles || readBytes >= limits.maxBytes) {
        overBudget++;
        continue;
      }
      let content: Buffer;
      try {
        content = toBuffer(await file.content());
      } catch (error) {
        warnings.push({
          kind: 'malformed',
          file: file.path,
          message: `${file.path} could not be read: ${shortReason(error)}`,
        });
        continue;
      }
      if (content.length > limits.maxFileBytes) {
        warnings.push({
          kind: 'too-large',
          file: file.path,
          message: `${file.path} is ${kib(content.length)}, over the ${kib(
            limits.maxFileBytes,
          )} limit per file; it was not read.`,
        });
        continue;
      }
      if (
        result.length >= limits.maxFiles ||
        readBytes + content.length > limits.maxBytes
      ) {
        overBudget++;
        continue;
      }
      if (isBinary(content)) {
        warnings.push({
          kind: 'binary',
          file: file.path,
          message: `${file.path} is not a text file; it was skipped.`,
        });
        continue;
      }
      readBytes += content.length;
      result.push({ path: file.path, kind, text: content.toString('utf8') });
    }
    if (overBudget > 0) {
      warnings.push({
        kind: 'limit',
        message: `${overBudget} more file${
          overBudget === 1 ? '' : 's'
        } the rules could use ${
          overBudget === 1 ? 'was' : 'were'
        } not read: the limit is ${limits.maxFiles} files and ${kib(
          limits.maxBytes,
        )} per entity.`,
      });
    }
    result.sort((a, b) => a.path.localeCompare(b.path));
    return { etag: tree.etag, files: result, warnings };
  };

  try {
    return await Promise.race([read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
