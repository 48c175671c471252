const initialize = jest.fn();
const render = jest.fn(async (_id: string, _code: string) => ({
  svg: '<svg></svg>',
}));
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: (config: unknown) => initialize(config),
    render: (id: string, code: string) => render(id, code),
  },
}));

import {
  mermaidConfig,
  NATURAL_SIZE_DIAGRAMS,
  renderMermaid,
  withoutDirectives,
} from './renderMermaid';

describe('mermaidConfig', () => {
  it('keeps strict security, no HTML labels and its list of secure keys', () => {
    const config = mermaidConfig(false);
    expect(config.securityLevel).toBe('strict');
    expect(config.htmlLabels).toBe(false);
    expect(config.flowchart.htmlLabels).toBe(false);
    expect(config.theme).toBe('default');
    expect(mermaidConfig(true).theme).toBe('dark');
    expect(config.secure).toEqual(
      expect.arrayContaining([
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
      ]),
    );
  });

  it('draws flowcharts and the documents’ diagrams at their natural size, which no diagram can undo', () => {
    const config = mermaidConfig(false) as Record<string, any>;
    expect(config.flowchart.useMaxWidth).toBe(false);
    for (const type of ['flowchart', 'sequence', 'state', 'class', 'er']) {
      expect(NATURAL_SIZE_DIAGRAMS).toContain(type);
      expect(config[type].useMaxWidth).toBe(false);
      expect(config.secure).toContain(type);
    }
    expect(config.secure).toContain('fontSize');
  });
});

describe('renderMermaid', () => {
  it('initialises Mermaid with that configuration and renders without directives', async () => {
    const svg = await renderMermaid(
      'mermaid-1',
      '%%{init: {"flowchart": {"useMaxWidth": true}}}%%\nflowchart TD\n  a --> b',
      true,
    );
    expect(svg).toBe('<svg></svg>');
    expect(initialize).toHaveBeenCalledWith(mermaidConfig(true));
    expect(render).toHaveBeenCalledWith(
      'mermaid-1',
      '\nflowchart TD\n  a --> b',
    );
    expect(withoutDirectives('%%{init: {}}%%graph LR')).toBe('graph LR');
  });
});
