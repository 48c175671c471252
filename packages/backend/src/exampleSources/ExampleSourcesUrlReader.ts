import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  isChildPath,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadTreeResponseFile,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import type { ReaderFactory } from '@backstage/backend-defaults/urlReader';
import { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';

/** The most files one tree lists, so a wrong directory cannot make a read unbounded. */
const MAX_TREE_FILES = 10_000;

/**
 * Serves the example services' source trees (`examples/`) to the portal's
 * URL reader under a made-up host, so the catalog module's pattern
 * evidence detector reads them exactly as it reads GitHub or GitLab:
 * `https://source.example-corp.example/services/checkout-service/` is the
 * folder `examples/services/checkout-service`.
 *
 * Only for the example portal. It never leaves its directory: paths with
 * `..` are refused and symbolic links are neither followed nor listed. The
 * ETag of a tree is a hash of its files' paths, sizes and modification
 * times, so an unchanged tree answers NotModified.
 */
export class ExampleSourcesUrlReader implements UrlReaderService {
  /** `exampleSources.baseUrl` and `exampleSources.directory` (relative to the working directory). */
  static factory: ReaderFactory = ({ config }) => {
    const settings = config.getOptionalConfig('exampleSources');
    if (!settings) return [];
    const reader = ExampleSourcesUrlReader.fromConfig(settings);
    return [{ reader, predicate: url => reader.handles(url) }];
  };

  static fromConfig(config: Config): ExampleSourcesUrlReader {
    return new ExampleSourcesUrlReader(
      new URL(config.getString('baseUrl')),
      path.resolve(config.getString('directory')),
    );
  }

  constructor(private readonly baseUrl: URL, private readonly root: string) {}

  handles(url: URL): boolean {
    return (
      url.origin === this.baseUrl.origin &&
      url.pathname.startsWith(this.baseUrl.pathname)
    );
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) throw new NotFoundError(`No file at ${url}`);
    const content = await fs.readFile(file);
    const etag = createHash('sha256')
      .update(content)
      .digest('hex')
      .slice(0, 32);
    if (options?.etag === etag) throw new NotModifiedError();
    return {
      buffer: async () => content,
      etag,
      lastModifiedAt: stat.mtime,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = await this.resolve(url);
    const stat = await fs.lstat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new NotFoundError(`No directory at ${url}`);
    const entries = await listFiles(dir);
    const hash = createHash('sha256');
    for (const entry of entries) {
      hash.update(`${entry.path}\0${entry.size}\0${entry.mtimeMs}\n`);
    }
    const etag = hash.digest('hex').slice(0, 32);
    if (options?.etag === etag) throw new NotModifiedError();

    const selected = entries.filter(
      entry =>
        !options?.filter || options.filter(entry.path, { size: entry.size }),
    );
    const files: UrlReaderServiceReadTreeResponseFile[] = selected.map(
      entry => ({
        path: entry.path,
        content: () => fs.readFile(path.join(dir, entry.path)),
        lastModifiedAt: new Date(entry.mtimeMs),
      }),
    );
    return {
      etag,
      files: async () => files,
      archive: async () => {
        throw new NotAllowedError(
          'The example sources reader does not make archives',
        );
      },
      dir: async dirOptions => {
        const target =
          dirOptions?.targetDir ??
          (await fs.mkdtemp(path.join(os.tmpdir(), 'example-sources-')));
        for (const entry of selected) {
          const destination = path.join(target, entry.path);
          await fs.mkdir(path.dirname(destination), { recursive: true });
          await fs.copyFile(path.join(dir, entry.path), destination);
        }
        return target;
      },
    };
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    if (/[*?[\]{}]/.test(new URL(url).pathname)) {
      throw new NotAllowedError(
        'The example sources reader does not search globs',
      );
    }
    try {
      const response = await this.readUrl(url, options);
      return {
        files: [
          {
            url,
            content: response.buffer,
            lastModifiedAt: response.lastModifiedAt,
          },
        ],
        etag: response.etag ?? '',
      };
    } catch (error) {
      if ((error as Error).name === 'NotFoundError')
        return { files: [], etag: '' };
      throw error;
    }
  }

  toString(): string {
    return `example-sources{${this.baseUrl.origin}${this.baseUrl.pathname} → ${this.root}}`;
  }

  /** The path under the root for a URL of this reader; never outside the root. */
  private async resolve(url: string): Promise<string> {
    const parsed = new URL(url);
    if (!this.handles(parsed))
      throw new InputError(`${url} is not an example source`);
    const relative = decodeURIComponent(
      parsed.pathname.slice(this.baseUrl.pathname.length),
    );
    const target = path.resolve(this.root, relative);
    if (!isChildPath(this.root, target)) {
      throw new NotAllowedError(`${url} is outside the example sources`);
    }
    // A symbolic link on the way could lead out of the root.
    const real = await fs.realpath(target).catch(() => target);
    if (!isChildPath(await fs.realpath(this.root), real)) {
      throw new NotAllowedError(`${url} is outside the example sources`);
    }
    return target;
  }
}

interface TreeEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Regular files below `dir`, as posix paths relative to it; symbolic links are skipped. */
async function listFiles(dir: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const walk = async (relative: string) => {
    const children = await fs.readdir(path.join(dir, relative), {
      withFileTypes: true,
    });
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (entries.length >= MAX_TREE_FILES) return;
      const childPath = relative ? `${relative}/${child.name}` : child.name;
      if (child.isDirectory()) await walk(childPath);
      else if (child.isFile()) {
        const stat = await fs.lstat(path.join(dir, childPath));
        entries.push({
          path: childPath,
          size: stat.size,
          mtimeMs: Math.floor(stat.mtimeMs),
        });
      }
    }
  };
  await walk('');
  return entries;
}
