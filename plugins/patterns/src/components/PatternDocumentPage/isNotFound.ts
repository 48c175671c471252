/** True for a 404 from the backend (a ResponseError) or a NotFoundError. */
export function isNotFound(error: unknown): boolean {
  const e = error as
    | { name?: string; response?: { status?: number } }
    | undefined;
  return e?.name === 'NotFoundError' || e?.response?.status === 404;
}
