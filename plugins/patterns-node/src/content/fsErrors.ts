import fs from 'node:fs/promises';
import { ContentProblem } from './ContentProblem';

/** Whether an error came from the file system (EACCES, ENOTDIR, EMFILE, …) rather than from the content. */
export function isFileSystemError(
  error: unknown,
): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * Why a content directory cannot be used, or undefined when it can:
 * `missing` for a configured directory that does not exist (a warning, not
 * worth retrying soon), `unreadable` for anything else the file system
 * refuses (retried on the next load).
 */
export async function checkContentDirectory(
  directory: string,
): Promise<
  { kind: 'missing' | 'unreadable'; problem: ContentProblem } | undefined
> {
  try {
    const stat = await fs.stat(directory);
    if (!stat.isDirectory()) {
      return {
        kind: 'unreadable',
        problem: {
          file: directory,
          message:
            'the content directory is not a directory; check patterns.content.directories',
        },
      };
    }
    await fs.readdir(directory);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return {
        kind: 'missing',
        problem: {
          file: directory,
          message:
            'the content directory does not exist; check patterns.content.directories (paths are relative to the backend working directory)',
        },
      };
    }
    return { kind: 'unreadable', problem: unreadableProblem(directory, e) };
  }
}

export function unreadableProblem(
  file: string,
  error: unknown,
): ContentProblem {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return {
    file,
    message: `could not be read (${code}: ${
      (error as Error).message
    }); what it holds is left out until a later load can read it`,
  };
}
