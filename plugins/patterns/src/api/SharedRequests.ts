/**
 * One in-flight or recent answer per key, shared by every caller: the
 * second caller of a key gets the first caller's promise. A failed request
 * is forgotten at once, so the next caller tries again; a good answer is
 * kept for `ttlMs`.
 */
export class SharedRequests {
  private readonly entries = new Map<
    string,
    { promise: Promise<any>; at: number }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.promise;
    const promise = load();
    this.entries.set(key, { promise, at: this.now() });
    promise.catch(() => {
      if (this.entries.get(key)?.promise === promise) this.entries.delete(key);
    });
    return promise;
  }
}
