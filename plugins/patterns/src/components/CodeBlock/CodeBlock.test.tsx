import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { CodeBlock } from './CodeBlock';
import { codeThemeColours } from './codeThemes';

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  let h = hex.replace('#', '');
  if (h.length === 3) h = h.replace(/./g, c => c + c);
  const [r, g, b] = [0, 2, 4].map(i => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('CodeBlock', () => {
  it.each(['light', 'dark'] as const)(
    'keeps every token colour at 4.5:1 or more in the %s theme, on plain and highlighted lines',
    mode => {
      const { colours, backgrounds } = codeThemeColours(mode);
      expect(colours.length).toBeGreaterThan(5);
      const failing = backgrounds.flatMap(background =>
        colours
          .filter(colour => contrast(colour, background) < 4.5)
          .map(colour => `${colour} on ${background}`),
      );
      expect(failing).toEqual([]);
    },
  );

  it('renders the code in a pre the keyboard can reach, with a copy button', async () => {
    await renderInTestApp(
      <CodeBlock
        text={'metadata:\n  annotations:\n    a: b'}
        language="yaml"
        highlightedNumbers={[3]}
        showCopyCodeButton
      />,
    );
    await waitFor(() =>
      expect(document.querySelector('pre')).toHaveTextContent('annotations'),
    );
    const pre = document.querySelector('pre')!;
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre).toHaveClass('patterns-code-block');
    await waitFor(() =>
      expect(pre.querySelector('.highlighted-line')).toHaveTextContent('a: b'),
    );
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
  });
});
