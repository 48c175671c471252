/**
 * Playwright's webServer waits for the app's dev server only; the backend
 * may still be starting (the guest sign-in then fails). Waits until the
 * backend reports ready (on PLAYWRIGHT_BACKEND_URL when set, as for a
 * portal on other ports).
 */
export default async function waitForBackend() {
  const backend = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
  const url = `${backend}/.backstage/health/v1/readiness`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`The backend did not become ready: ${url}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}
