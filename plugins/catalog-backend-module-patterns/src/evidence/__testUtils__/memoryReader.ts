import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';

export type MemoryTree = Record<string, string | Buffer>;

/**
 * A URL reader over in-memory trees, one per URL, that behaves like the
 * real ones: ETag NotModified, the filter called with each file's size.
 * `ignoreFilter` makes it hand every file back, as a careless reader might.
 */
export class MemoryUrlReader implements UrlReaderService {
  readonly trees = new Map<string, { etag: string; files: MemoryTree }>();
  readonly calls: Array<{ url: string; etag?: string }> = [];
  failWith?: Error;
  delayMs = 0;
  ignoreFilter = false;

  setTree(url: string, etag: string, files: MemoryTree) {
    this.trees.set(url, { etag, files });
  }

  async readUrl(): Promise<never> {
    throw new Error('not used');
  }

  async search(): Promise<never> {
    throw new Error('not used');
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    this.calls.push({ url, etag: options?.etag });
    if (this.delayMs) await new Promise(r => setTimeout(r, this.delayMs));
    if (this.failWith) throw this.failWith;
    const tree = this.trees.get(url);
    if (!tree)
      throw Object.assign(new Error(`No tree at ${url}`), {
        name: 'NotFoundError',
      });
    if (options?.etag === tree.etag) throw new NotModifiedError();
    const files = Object.entries(tree.files)
      .filter(
        ([path, content]) =>
          this.ignoreFilter ||
          !options?.filter ||
          options.filter(path, { size: Buffer.byteLength(content) }),
      )
      .map(([path, content]) => ({
        path,
        content: async () =>
          Buffer.isBuffer(content) ? content : Buffer.from(content),
      }));
    return {
      etag: tree.etag,
      files: async () => files,
      archive: async () => {
        throw new Error('not used');
      },
      dir: async () => {
        throw new Error('not used');
      },
    };
  }
}
