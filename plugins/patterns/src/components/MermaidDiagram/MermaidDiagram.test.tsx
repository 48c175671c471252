import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MermaidDiagram } from './MermaidDiagram';

const render = jest.fn();
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: (id: string, code: string) => render(id, code),
  },
}));

/** jsdom lays nothing out: the figure's content is this wide in a 1000-px box. */
function contentWidth(width: number) {
  jest
    .spyOn(HTMLElement.prototype, 'scrollWidth', 'get')
    .mockReturnValue(width);
  jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
}

describe('MermaidDiagram', () => {
  beforeEach(() => render.mockReset());
  afterEach(() => jest.restoreAllMocks());

  it('shows a diagram wider than its box in a figure that the keyboard can reach to scroll it', async () => {
    contentWidth(2400);
    render.mockResolvedValue({
      svg: '<svg width="2400" height="900"><g class="node"><text>Start</text></g></svg>',
    });
    await renderInTestApp(
      <MermaidDiagram
        code="flowchart TD\n a --> b"
        label="Decision flowchart"
        naturalSize
      />,
    );
    const figure = await screen.findByRole('img', {
      name: 'Decision flowchart',
    });
    expect(figure.tagName).toBe('FIGURE');
    expect(figure).toHaveAttribute('tabindex', '0');
    // Natural size: the SVG keeps the width Mermaid gave it.
    expect(figure.querySelector('svg')).toHaveAttribute('width', '2400');
  });

  it('leaves a diagram that fits out of the tab order', async () => {
    contentWidth(600);
    render.mockResolvedValue({ svg: '<svg width="600" height="200"></svg>' });
    await renderInTestApp(<MermaidDiagram code="flowchart LR\n a --> b" />);
    const figure = await screen.findByRole('img', { name: 'Diagram' });
    expect(figure).not.toHaveAttribute('tabindex');
  });

  it('shows the source, highlighted accessibly, when the diagram cannot be drawn', async () => {
    render.mockRejectedValue(new Error('Parse error on line 1'));
    await renderInTestApp(<MermaidDiagram code="flowchart TD\n a -->" />);
    expect(await screen.findByText(/could not be drawn/)).toBeInTheDocument();
    const pre = document.querySelector('pre.patterns-code-block');
    expect(pre).not.toBeNull();
    expect(pre).toHaveAttribute('tabindex', '0');
  });
});
