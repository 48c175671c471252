// Parses Mermaid diagrams for the content lint in a plain Node process:
// Mermaid is ESM-only and needs a DOM, which Jest's CommonJS module registry
// cannot give it. The parent sends [{ key, text }] over IPC and receives
// [{ key, error? }] back. Test tooling: jsdom and mermaid are devDependencies.
/* eslint-disable @backstage/no-undeclared-imports */
import { JSDOM } from 'jsdom';

const mermaidReady = (async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
})();
mermaidReady.catch(() => {}); // reported when the diagrams arrive

process.once('message', async diagrams => {
  let results;
  try {
    const mermaid = await mermaidReady;
    results = [];
    for (const { key, text } of diagrams) {
      try {
        await mermaid.parse(text);
        results.push({ key });
      } catch (e) {
        results.push({ key, error: String(e?.message ?? e) });
      }
    }
  } catch (e) {
    results = { setupError: String(e?.stack ?? e) };
  }
  process.send(results, () => process.exit(0));
});
