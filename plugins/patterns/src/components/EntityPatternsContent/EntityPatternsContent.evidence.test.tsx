import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { detectedPatterns } from '../../__testUtils__/fixtures';
import { server } from '../../__testUtils__/renderPatterns';
import { EntityPatternsCard } from '../EntityPatternsCard';
import {
  renderWithEntity,
  withTimeoutPattern,
} from './__testUtils__/renderWithEntity';
import { EntityPatternsContent } from './EntityPatternsContent';

// The tab renders the graph and the wizard too; slow on small machines.
jest.setTimeout(30_000);

registerMswTestHooks(server);

/** checkout with the given annotations (the patterns one only when given). */
function checkout(patterns?: string, editUrl?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      title: 'Checkout Service',
      annotations: {
        ...(patterns !== undefined
          ? { 'system-design/patterns': patterns }
          : {}),
        ...(editUrl ? { 'backstage.io/edit-url': editUrl } : {}),
      },
    },
    spec: { type: 'service', owner: 'group:default/payments' },
  };
}

const EDIT_URL =
  'https://github.com/example/checkout/edit/main/catalog-info.yaml';

/** Each row of the Patterns used table: pattern, state, evidence. */
async function usedRows() {
  const table = await screen.findByRole('table', { name: 'Patterns used' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => {
      const [pattern, state, evidence] = within(row).getAllByRole('cell');
      return [
        within(pattern).getByRole('link').textContent,
        state.textContent,
        evidence.textContent,
      ];
    });
}

/** The text of the lazily highlighted CodeSnippet inside `container`. */
async function snippetIn(container: HTMLElement) {
  await waitFor(() =>
    expect(container.querySelector('code')?.textContent).toBeTruthy(),
  );
  return container.querySelector('code')!.textContent;
}

describe('EntityPatternsContent: declared vs detected', () => {
  it('shows the three states with their evidence, and the line that declares the detected-only pattern', async () => {
    // Circuit Breaker: declared and detected. REST: declared, nothing found.
    // Retry with Backoff: found in package.json, not declared.
    await renderWithEntity(
      <EntityPatternsContent />,
      checkout('circuit-breaker, rest', EDIT_URL),
      { detected: detectedPatterns, patterns: withTimeoutPattern },
    );

    expect(await usedRows()).toEqual([
      [
        'Circuit Breaker',
        'Declared and detected',
        'package.json: opossum@8.1.0 (strong, rule npm-opossum)' +
          'src/main/resources/application.yaml: resilience4j.circuitbreaker (weak, rule resilience4j-config)',
      ],
      [
        'REST',
        'Declared, no evidence found',
        'No evidence found in its files or catalog fields.',
      ],
      [
        'Retry with Backoff',
        'Detected, not declared',
        'package.json: p-retry@6.2.0 (strong, rule npm-p-retry)',
      ],
    ]);
    expect(
      screen.getByRole('list', { name: 'Evidence of Circuit Breaker' }),
    ).toBeInTheDocument();

    const detected = screen.getByRole('region', {
      name: 'Detected, not declared',
    });
    expect(
      within(detected).getByText('Detected, not declared: Retry with Backoff'),
    ).toBeInTheDocument();
    const line = within(detected).getByRole('figure', {
      name: 'Annotation line for detected patterns',
    });
    // The paste-ready line keeps what is declared and adds the detected id.
    expect(await snippetIn(line)).toBe(
      'system-design/patterns: circuit-breaker, rest, retry-with-backoff',
    );
    expect(
      within(line).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(
      within(detected).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute('href', EDIT_URL);

    // Gaps count the detected pattern too: retries and the breaker both lack a timeout.
    expect(
      screen.getByRole('note', { name: 'Retry with Backoff without Timeout' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 warnings')).toBeInTheDocument();
  });

  it('suggests the annotation from the evidence when the entity declares nothing', async () => {
    await renderWithEntity(<EntityPatternsContent />, checkout(undefined), {
      detected: [detectedPatterns[0]],
    });

    expect(await usedRows()).toEqual([
      [
        'Circuit Breaker',
        'Detected, not declared',
        'package.json: opossum@8.1.0 (strong, rule npm-opossum)' +
          'src/main/resources/application.yaml: resilience4j.circuitbreaker (weak, rule resilience4j-config)',
      ],
    ]);
    const detected = screen.getByRole('region', {
      name: 'Detected, not declared',
    });
    expect(
      within(detected).getByText(
        'No patterns declared, but evidence of Circuit Breaker was found',
      ),
    ).toBeInTheDocument();
    expect(
      await snippetIn(
        within(detected).getByRole('figure', {
          name: 'Annotation line for detected patterns',
        }),
      ),
    ).toBe('system-design/patterns: circuit-breaker');
    // No edit-url annotation, so no edit link; not the "nothing found" empty state either.
    expect(within(detected).queryByRole('link')).toBeNull();
    expect(screen.queryByText('No architecture patterns declared')).toBeNull();
  });

  it('never links an unsafe edit-url', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      // eslint-disable-next-line no-script-url
      checkout('rest', 'javascript:alert(1)'),
      { detected: [detectedPatterns[1]] },
    );
    const detected = await screen.findByRole('region', {
      name: 'Detected, not declared',
    });
    expect(
      await snippetIn(
        within(detected).getByRole('figure', {
          name: 'Annotation line for detected patterns',
        }),
      ),
    ).toBe('system-design/patterns: rest, retry-with-backoff');
    expect(within(detected).queryByRole('link')).toBeNull();
  });

  it('explains the annotation when there is neither an annotation nor evidence', async () => {
    await renderWithEntity(<EntityPatternsContent />, checkout(undefined));
    expect(
      await screen.findByText('No architecture patterns declared'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No evidence of a known pattern was found/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Detected, not declared' }),
    ).toBeNull();
    expect(screen.queryByRole('table', { name: 'Patterns used' })).toBeNull();
  });

  it('has no detected-only line when everything detected is declared', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      checkout('circuit-breaker, retry-with-backoff'),
      { detected: detectedPatterns },
    );
    expect((await usedRows()).map(([p, state]) => [p, state])).toEqual([
      ['Circuit Breaker', 'Declared and detected'],
      ['Retry with Backoff', 'Declared and detected'],
    ]);
    expect(
      screen.queryByRole('region', { name: 'Detected, not declared' }),
    ).toBeNull();
  });
});

describe('EntityPatternsCard: declared vs detected', () => {
  it('marks each pattern with its state, and counts the undeclared ones', async () => {
    await renderWithEntity(
      <EntityPatternsCard />,
      checkout('circuit-breaker, rest'),
      { detected: detectedPatterns },
    );
    const chips = await screen.findByRole('list', { name: 'Patterns used' });
    expect(
      within(chips)
        .getAllByRole('link')
        .map(l => l.getAttribute('aria-label')),
    ).toEqual([
      'Circuit Breaker (declared and detected)',
      'REST (declared, no evidence found)',
      'Retry with Backoff (detected, not declared)',
    ]);
    const warnings = screen.getByRole('status', { name: 'Pattern warnings' });
    expect(
      within(warnings).getByText('1 detected, not declared'),
    ).toBeInTheDocument();
  });

  it('shows detected patterns of an entity that declares none', async () => {
    await renderWithEntity(<EntityPatternsCard />, checkout(undefined), {
      detected: [detectedPatterns[0]],
    });
    const chips = await screen.findByRole('list', { name: 'Patterns used' });
    expect(
      within(chips).getByRole('link', {
        name: 'Circuit Breaker (detected, not declared)',
      }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker');
    expect(screen.queryByText(/No patterns declared/)).toBeNull();
  });
});
