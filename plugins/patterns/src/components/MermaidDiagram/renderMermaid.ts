type Mermaid = typeof import('mermaid').default;

let mermaidModule: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import('mermaid').then(m => m.default);
  return mermaidModule;
}

/**
 * Strict security and no HTML in labels, and none of it (nor the theme) can
 * be changed by a diagram: the keys in `secure` are ignored in directives.
 */
export function mermaidConfig(dark: boolean) {
  return {
    startOnLoad: false,
    securityLevel: 'strict' as const,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    theme: dark ? ('dark' as const) : ('default' as const),
    secure: [
      'secure',
      'securityLevel',
      'startOnLoad',
      'maxTextSize',
      'suppressErrorRendering',
      'maxEdges',
      'htmlLabels',
      'flowchart',
      'theme',
      'themeCSS',
      'themeVariables',
      'fontFamily',
    ],
  };
}

/** The diagram without `%%{init: …}%%` directives: content does not configure the renderer. */
export function withoutDirectives(code: string): string {
  return code.replace(/%%\{[\s\S]*?\}%%/g, '');
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
    mermaid.initialize(mermaidConfig(dark));
    const { svg } = await mermaid.render(id, withoutDirectives(code));
    return svg;
  });
  queue = result.catch(() => undefined);
  return result;
}
