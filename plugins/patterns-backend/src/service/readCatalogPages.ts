import { isError, ServiceUnavailableError } from '@backstage/errors';

/** Error names that are the caller's problem, not the catalog's. */
const CLIENT_ERROR_NAMES = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
]);

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const field of ['statusCode', 'status']) {
    const value = (error as Record<string, unknown>)[field];
    if (Number.isInteger(value) && (value as number) >= 100) {
      return value as number;
    }
  }
  return undefined;
}

/**
 * The failure's name and message, with the system error code of what caused
 * it (`fetch failed (ECONNREFUSED)`), and nothing deeper: the error body
 * drops the stack of the cause it shows but would show the stacks below it.
 */
function summarize(error: unknown): Error {
  if (!isError(error)) return new Error(String(error));
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  const summary = new Error(
    typeof code === 'string' ? `${error.message} (${code})` : error.message,
  );
  summary.name = error.name;
  return summary;
}

/**
 * What a failed catalog call becomes. A refusal (a 4xx answer, or an auth
 * or permission error raised before the request, e.g. a service token whose
 * access restrictions do not cover the catalog) stays what it is, so the
 * caller gets the same status. Anything else, a 5xx answer or a network
 * failure (the catalog client throws only `ResponseError` for answers),
 * means the catalog cannot answer now: 503.
 */
export function toCatalogError(error: unknown): Error {
  const status = statusOf(error);
  const isRefusal =
    status !== undefined
      ? status < 500
      : isError(error) && CLIENT_ERROR_NAMES.has(error.name);
  if (isRefusal && isError(error)) return error as Error;
  return new ServiceUnavailableError(
    'The software catalog is unavailable',
    summarize(error),
  );
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * The pages of one catalog walk, within one deadline for the whole walk.
 *
 * Each page is awaited against the deadline: when it runs out the walk ends
 * with a `ServiceUnavailableError` (503) instead of waiting for a catalog
 * that does not answer, and no further page is requested. A failed page is
 * turned into an error by {@link toCatalogError}. The request in flight is
 * not cancelled (the catalog service takes no abort signal); its answer, if
 * any, is dropped.
 */
export async function* readCatalogPages<T>(
  pages: AsyncIterable<T>,
  timeoutMs: number,
): AsyncGenerator<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ServiceUnavailableError(
            `The software catalog did not answer within ${formatDuration(
              timeoutMs,
            )}`,
          ),
        ),
      timeoutMs,
    );
  });
  // The deadline may pass while the caller works on a page; it is raced again
  // on the next page, so its rejection must not count as unhandled meanwhile.
  deadline.catch(() => {});

  const iterator = pages[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = iterator.next().catch(error => {
        throw toCatalogError(error);
      });
      const result = await Promise.race([next, deadline]);
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    clearTimeout(timer);
    if (!finished) {
      // Stops the catalog walk after the page in flight, if it ever answers.
      iterator.return?.()?.catch(() => {});
    }
  }
}

/** One catalog call within the deadline, failing like a page of {@link readCatalogPages}. */
export async function readCatalogOnce<T>(call: () => Promise<T>, timeoutMs: number): Promise<T> {
  async function* one() {
    yield await call();
  }
  for await (const value of readCatalogPages(one(), timeoutMs)) return value;
  throw new ServiceUnavailableError('The software catalog sent no answer');
}
