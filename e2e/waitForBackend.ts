/**
 * Playwright's webServer waits for the app's dev server only; the backend
 * may still be starting (the guest sign-in then fails). Waits until the
 * backend reports ready.
 */
export default async function waitForBackend() {
  const url = 'http://localhost:7007/.backstage/health/v1/readiness';
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
