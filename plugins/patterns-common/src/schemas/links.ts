/** Schemes a link in content may use; anything else (javascript:, data:, vbscript:, file:) is never rendered as a link. */
export const SAFE_LINK_PROTOCOLS = ['https:', 'http:', 'mailto:'] as const;

/** Whether an href is safe to render as a link: a relative path or a URL with a safe scheme. */
export function isSafeHref(href: string): boolean {
  // Browsers drop control characters and whitespace inside a scheme, which is
  // how `java\tscript:` slips past a naive check: refuse them outright.
  if (
    [...href.trim()].some(
      c => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f,
    )
  ) {
    return false;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  if (!scheme) return true;
  return (SAFE_LINK_PROTOCOLS as readonly string[]).includes(
    `${scheme[1].toLowerCase()}:`,
  );
}

/** Whether a reference is what the content lint accepts: an absolute `https:` URL. */
export function isHttpsUrl(reference: string): boolean {
  try {
    return new URL(reference).protocol === 'https:' && !/\s/.test(reference);
  } catch {
    return false;
  }
}
