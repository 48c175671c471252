type Mermaid = typeof import('mermaid').default;

let mermaidModule: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import('mermaid').then(m => m.default);
  return mermaidModule;
}

/**
 * The diagram types drawn at their natural size (`useMaxWidth: false`)
 * rather than shrunk to the card's width, where a large flowchart's labels
 * end up a few pixels high: the card scrolls instead.
 */
export const NATURAL_SIZE_DIAGRAMS = [
  'flowchart',
  'sequence',
  'state',
  'class',
  'er',
  'gantt',
  'journey',
  'timeline',
  'mindmap',
  'gitGraph',
  'requirement',
  'pie',
  'c4',
  'block',
  'architecture',
] as const;

/**
 * Strict security, no HTML in labels, every diagram at its natural size; and
 * none of it (nor the theme) can be changed by a diagram: the keys in
 * `secure` are ignored in directives and front matter.
 */
export function mermaidConfig(dark: boolean) {
  const natural = Object.fromEntries(
    NATURAL_SIZE_DIAGRAMS.map(type => [type, { useMaxWidth: false }]),
  );
  return {
    startOnLoad: false,
    securityLevel: 'strict' as const,
    htmlLabels: false,
    ...natural,
    flowchart: { htmlLabels: false, useMaxWidth: false },
    theme: dark ? ('dark' as const) : ('default' as const),
    secure: [
      'secure',
      'securityLevel',
      'startOnLoad',
      'maxTextSize',
      'suppressErrorRendering',
      'maxEdges',
      'htmlLabels',
      'theme',
      'themeCSS',
      'themeVariables',
      'fontFamily',
      'fontSize',
      ...NATURAL_SIZE_DIAGRAMS,
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
