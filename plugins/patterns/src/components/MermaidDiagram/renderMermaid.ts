type Mermaid = typeof import('mermaid').default;

let mermaidModule: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import('mermaid').then(m => m.default);
  return mermaidModule;
}

/**
 * Renders Mermaid source to an SVG string. Renders run one at a time, since
 * Mermaid keeps global state between initialize and render.
 */
export function renderMermaid(
  id: string,
  code: string,
  dark: boolean,
): Promise<string> {
  const result = queue.then(async () => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
    });
    const { svg } = await mermaid.render(id, code);
    return svg;
  });
  queue = result.catch(() => undefined);
  return result;
}
