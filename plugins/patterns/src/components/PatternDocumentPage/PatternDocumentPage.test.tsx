import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { rest } from 'msw';
import {
  BASE_URL,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';
import { circuitBreaker } from '../../__testUtils__/fixtures';

const render = jest.fn(async (_id: string, code: string) => ({
  svg: `<svg data-testid="mermaid-svg"><text>${
    code.split('\n')[0]
  }</text></svg>`,
}));
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: (id: string, code: string) => render(id, code),
  },
}));

describe('PatternDocumentPage', () => {
  registerMswTestHooks(server);

  it('shows unsafe references and links as text, never as links, and still renders', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/circuit-breaker`, (_req, res, ctx) =>
        res(
          ctx.json({
            ...circuitBreaker,
            references: [
              'https://example.com/safe',
              // eslint-disable-next-line no-script-url
              'javascript:alert(1)',
              'data:text/html,<script>alert(1)</script>',
            ],
            sections: circuitBreaker.sections.map(section =>
              section.title === 'Overview'
                ? {
                    ...section,
                    markdown:
                      'A [script link](javascript:alert(2)) and a [data link](data:text/html,x).',
                    blocks: [
                      {
                        type: 'markdown',
                        text: 'A [script link](javascript:alert(2)) and a [data link](data:text/html,x).',
                      },
                    ],
                  }
                : section,
            ),
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/circuit-breaker');
    expect(
      await screen.findByRole('heading', { name: 'Circuit Breaker', level: 1 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /example\.com\/safe/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^javascript:alert\(1\)$/).closest('a')).toBeNull();
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(
        /^\s*(javascript|data):/i,
      );
    }
    expect(screen.getByText(/script link/)).toBeInTheDocument();
  });

  it('shows the nine sections in order', async () => {
    await renderPatternsAt('/patterns/circuit-breaker');
    expect(
      await screen.findByRole('heading', { name: 'Circuit Breaker', level: 1 }),
    ).toBeInTheDocument();
    const sectionHeadings = screen
      .getAllByRole('heading')
      .map(h => h.textContent)
      .filter(text =>
        [
          'Overview',
          'Why Use It',
          'When to Use',
          'When NOT to Use',
          'How It Works',
          'Pros and Cons',
          'Implementation Example',
          'Real-World Examples',
          'Related Patterns',
        ].includes(text ?? ''),
      );
    expect(sectionHeadings).toEqual([
      'Overview',
      'Why Use It',
      'When to Use',
      'When NOT to Use',
      'How It Works',
      'Pros and Cons',
      'Implementation Example',
      'Real-World Examples',
      'Related Patterns',
    ]);
    expect(
      screen.getByText('Preventing cascading failures'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Fail-fast vs implementation complexity'),
    ).toBeInTheDocument();
  });

  it('renders the Mermaid diagram as SVG and the code highlighted', async () => {
    await renderPatternsAt('/patterns/circuit-breaker');
    const diagram = await screen.findByTestId('mermaid-svg');
    expect(diagram.closest('[role="img"]')).toHaveAttribute(
      'aria-label',
      'Circuit Breaker: How It Works diagram',
    );
    expect(render).toHaveBeenCalledWith(
      expect.any(String),
      'stateDiagram-v2\n  Closed --> Open',
    );
    const example = document.getElementById('implementation-example')!;
    expect(within(example).getByText(/CircuitBreaker/)).toBeInTheDocument();
    expect(example.querySelector('pre')).not.toBeNull();
  });

  it('links related patterns to their pages', async () => {
    await renderPatternsAt('/patterns/circuit-breaker');
    const related = await screen.findByRole('list', {
      name: 'Related patterns',
    });
    const link = within(related).getByRole('link', {
      name: 'Retry with Backoff',
    });
    expect(link).toHaveAttribute('href', '/patterns/retry-with-backoff');
    expect(within(related).getByText('complements')).toBeInTheDocument();
    const section = document.getElementById('related-patterns')!;
    expect(
      within(section).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
  });

  it('says so when the pattern does not exist', async () => {
    await renderPatternsAt('/patterns/no-such-thing');
    expect(
      await screen.findByText('There is no pattern “no-such-thing”'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Browse all patterns').closest('a'),
    ).toHaveAttribute('href', '/patterns');
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/:id`, (_req, res, ctx) =>
        res(
          ctx.status(503),
          ctx.json({
            error: { name: 'Error', message: 'backend unavailable' },
            response: { statusCode: 503 },
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/circuit-breaker');
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});
