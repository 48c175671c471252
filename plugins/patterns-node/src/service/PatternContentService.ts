import path from 'node:path';
import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { builtInContentDirectory } from '../content/builtInContentDirectory';
import { formatProblem } from '../content/ContentProblem';
import { loadPatternContent } from '../content/loadPatternContent';
import { PatternContent } from '../content/types';

/** The pattern catalog as loaded from the built-in and configured directories. */
export interface PatternContentService {
  getContent(): Promise<PatternContent>;
}

/** How soon a load that could not read everything is tried again. */
const DEFAULT_RETRY_AFTER_MS = 30_000;

export interface PatternContentServiceOptions {
  logger: LoggerService;
  /** Reload the content this often; undefined: load once, retry only after read errors. */
  reloadIntervalMs?: number;
  /** How soon to retry after a directory could not be read (default 30 s). */
  retryAfterMs?: number;
  now?: () => number;
}

/** The content directories the config asks for, built-in first. */
export function contentDirectoriesFromConfig(config: RootConfigService): string[] {
  const extra =
    config.getOptionalStringArray('patterns.content.directories') ?? [];
  const includeBuiltIn =
    config.getOptionalBoolean('patterns.content.includeBuiltIn') ?? true;
  return [
    ...(includeBuiltIn ? [builtInContentDirectory()] : []),
    ...extra.map(dir => path.resolve(dir)),
  ];
}

/**
 * Loads the content on first use and logs what it had to skip. The files
 * are the only state, so every backend replica serves the same.
 *
 * A failure stays small: a directory the file system refuses (EACCES,
 * EMFILE, …) is logged, the last complete content keeps being served (or,
 * before there is one, what could be read, built-in content included), and
 * the load is tried again after `retryAfterMs`. A reload runs in the
 * background while the previous content is served.
 */
export class DefaultPatternContentService implements PatternContentService {
  private lastGood?: PatternContent;
  private latest?: PatternContent;
  private loading?: Promise<PatternContent>;
  private nextLoadAt = 0;
  private readonly now: () => number;

  static fromConfig(
    config: RootConfigService,
    options: { logger: LoggerService },
  ): DefaultPatternContentService {
    const seconds = config.getOptionalNumber('patterns.content.reloadIntervalSeconds');
    return new DefaultPatternContentService(contentDirectoriesFromConfig(config), {
      logger: options.logger,
      reloadIntervalMs: seconds && seconds > 0 ? seconds * 1000 : undefined,
    });
  }

  constructor(
    private readonly directories: string[],
    private readonly options: PatternContentServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  getContent(): Promise<PatternContent> {
    const served = this.lastGood ?? this.latest;
    if (this.loading) return served ? Promise.resolve(served) : this.loading;
    if (served && this.now() < this.nextLoadAt) return Promise.resolve(served);
    const loading = this.load().finally(() => {
      this.loading = undefined;
    });
    this.loading = loading;
    return served ? Promise.resolve(served) : loading;
  }

  private async load(): Promise<PatternContent> {
    const { logger } = this.options;
    const retryAfter = this.options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
    let content: PatternContent;
    try {
      content = await loadPatternContent(this.directories);
    } catch (e) {
      this.nextLoadAt = this.now() + retryAfter;
      logger.error(`Pattern content could not be loaded: ${e}`);
      if (this.lastGood ?? this.latest) return (this.lastGood ?? this.latest)!;
      this.nextLoadAt = 0;
      throw e;
    }
    for (const problem of content.problems) {
      logger.warn(`Pattern content problem: ${formatProblem(problem)}`);
    }
    this.latest = content;
    if (content.unreadable.length > 0) {
      this.nextLoadAt = this.now() + retryAfter;
      logger.warn(
        `Pattern content: could not read ${content.unreadable.join(', ')}; ${
          this.lastGood ? 'serving the last complete content' : 'serving what could be read'
        } and trying again in ${Math.round(retryAfter / 1000)} s`,
      );
      return this.lastGood ?? content;
    }
    this.lastGood = content;
    this.nextLoadAt = this.options.reloadIntervalMs
      ? this.now() + this.options.reloadIntervalMs
      : Number.POSITIVE_INFINITY;
    logger.info(
      `Loaded ${content.patterns.length} patterns from ${this.directories.join(', ')}`,
    );
    return content;
  }
}
