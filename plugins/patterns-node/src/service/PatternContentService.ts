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
 * Loads the content once, on first use, and logs what it had to skip. The
 * files are the only state, so every backend replica serves the same.
 */
export class DefaultPatternContentService implements PatternContentService {
  private content?: Promise<PatternContent>;

  static fromConfig(
    config: RootConfigService,
    options: { logger: LoggerService },
  ): DefaultPatternContentService {
    return new DefaultPatternContentService(
      contentDirectoriesFromConfig(config),
      options.logger,
    );
  }

  constructor(
    private readonly directories: string[],
    private readonly logger: LoggerService,
  ) {}

  getContent(): Promise<PatternContent> {
    this.content ??= this.load();
    return this.content;
  }

  private async load(): Promise<PatternContent> {
    const content = await loadPatternContent(this.directories);
    for (const problem of content.problems) {
      this.logger.warn(`Pattern content problem: ${formatProblem(problem)}`);
    }
    this.logger.info(
      `Loaded ${content.patterns.length} patterns from ${this.directories.join(', ')}`,
    );
    return content;
  }
}
