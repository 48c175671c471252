import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { rest } from 'msw';
import { annotationProblemStatusItem } from '@system-design/backstage-plugin-patterns-common';
import { BASE_URL, server } from '../../__testUtils__/renderPatterns';
import {
  renderWithEntity,
  testEntity,
  withTimeoutPattern,
} from './__testUtils__/renderWithEntity';
import { EntityPatternsContent } from './EntityPatternsContent';
import {
  EntityPatternsCard as LegacyCardExtension,
  EntityPatternsContent as LegacyContentExtension,
} from '../../plugin';
import { isPatternsAvailable } from './isPatternsAvailable';

/** A problem as the catalog module records it on the entity's status. */
const catalogError = (message: string, token = '', suggestion?: string) =>
  annotationProblemStatusItem({
    kind: 'unknown-id',
    token,
    message,
    ...(suggestion ? { suggestion } : {}),
  });

/** The text of a lazily highlighted CodeSnippet inside the named figure. */
async function snippetText(name: string) {
  const figure = await screen.findByRole('figure', { name });
  await waitFor(() =>
    expect(figure.querySelector('code')?.textContent).toBeTruthy(),
  );
  return figure.querySelector('code')!.textContent;
}

describe('EntityPatternsContent', () => {
  registerMswTestHooks(server);

  it('lists the used patterns, what goes with them and a risky gap', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('retry-with-backoff, REST'),
      { patterns: withTimeoutPattern },
    );

    const used = await screen.findByRole('table', { name: 'Patterns used' });
    const rows = within(used).getAllByRole('row').slice(1);
    // Pattern and its category, state, evidence, best for, trade-off.
    expect(
      rows.map(r => {
        const [pattern, ...cells] = within(r).getAllByRole('cell');
        return [
          within(pattern).getByRole('link').textContent,
          pattern.querySelector('[data-category]')?.textContent,
          ...cells.map(c => c.textContent),
        ];
      }),
    ).toEqual([
      [
        'Retry with Backoff',
        'Resilience Patterns',
        'Declared, no evidence found',
        'No evidence found in its files or catalog fields.',
        'Handling transient failures',
        'Improved reliability vs thundering herd',
      ],
      [
        'REST',
        'API Communication Styles',
        'Declared, no evidence found',
        'No evidence found in its files or catalog fields.',
        'CRUD operations, public APIs',
        'Simplicity vs over/under-fetching',
      ],
    ]);
    expect(
      within(used).getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
    expect(within(used).getByRole('link', { name: 'REST' })).toHaveAttribute(
      'href',
      '/patterns/rest',
    );

    const suggestions = screen.getByRole('list', { name: 'Often used with' });
    expect(
      within(suggestions).getByRole('link', { name: 'Circuit Breaker' }),
    ).toHaveAttribute('href', '/patterns/circuit-breaker');
    expect(
      within(suggestions).getByText(
        'complements Retry with Backoff; used with Retry with Backoff for “Microservices resilience”',
      ),
    ).toBeInTheDocument();
    expect(
      within(suggestions).queryByRole('link', { name: 'Retry with Backoff' }),
    ).not.toBeInTheDocument();

    const gap = screen.getByRole('note', {
      name: 'Retry with Backoff without Timeout',
    });
    expect(
      within(gap).getByText(
        'A call that hangs is never retried; give every attempt a deadline.',
      ),
    ).toBeInTheDocument();
    expect(within(gap).getByRole('link', { name: 'Timeout' })).toHaveAttribute(
      'href',
      '/patterns/timeout',
    );
    // circuit-breaker is not used, so its rule does not fire.
    expect(screen.getAllByRole('note')).toHaveLength(1);
    expect(screen.getByText('1 warning')).toBeInTheDocument();

    expect(
      screen.queryByRole('region', { name: 'Annotation problems' }),
    ).not.toBeInTheDocument();
  });

  it('says there are no gaps once the missing pattern is used', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('retry-with-backoff, timeout'),
      { patterns: withTimeoutPattern },
    );
    expect(await screen.findByText(/^No risky gaps/)).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('shows the catalog’s error for a typo, with did-you-mean and the corrected line', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('retry-with-backof, circuit-breaker', {
        status: {
          items: [
            catalogError(
              'Unknown pattern id "retry-with-backof" — did you mean retry-with-backoff?',
              'retry-with-backof',
              'retry-with-backoff',
            ),
          ],
        },
      } as never),
    );

    const problems = await screen.findByRole('region', {
      name: 'Annotation problems',
    });
    expect(
      within(problems).getByText(
        'The system-design/patterns annotation has 1 problem',
      ),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        'Unknown pattern id "retry-with-backof" — did you mean retry-with-backoff?',
      ),
    ).toBeInTheDocument();
    // Reported by the catalog: not marked as found on this page, and not twice.
    expect(within(problems).queryByText(/found now/)).not.toBeInTheDocument();
    expect(within(problems).getAllByRole('listitem')).toHaveLength(1);
    expect(await snippetText('Corrected annotation')).toContain(
      'system-design/patterns: retry-with-backoff, circuit-breaker',
    );

    // The valid id is still used.
    const used = screen.getByRole('table', { name: 'Patterns used' });
    expect(
      within(used).getByRole('link', { name: 'Circuit Breaker' }),
    ).toBeInTheDocument();
  });

  it('shows a typo the backend finds before the catalog has reported it', async () => {
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('circuit-breakr'),
    );
    const problems = await screen.findByRole('region', {
      name: 'Annotation problems',
    });
    expect(
      within(problems).getByText(
        'Unknown pattern id "circuit-breakr" — did you mean circuit-breaker?',
      ),
    ).toBeInTheDocument();
    expect(within(problems).getByText(/found now/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'None of the values in the annotation is a known pattern id.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the YAML to add when the annotation is missing', async () => {
    await renderWithEntity(<EntityPatternsContent />, testEntity(undefined));
    expect(
      await screen.findByText('No architecture patterns declared'),
    ).toBeInTheDocument();
    expect(await snippetText('Annotation to add')).toBe(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: checkout',
        '  annotations:',
        '    system-design/patterns: circuit-breaker, retry-with-backoff',
      ].join('\n'),
    );
    expect(screen.getByText('Browse patterns').closest('a')).toHaveAttribute(
      'href',
      '/patterns',
    );
  });

  it('shows the backend’s error when the entity’s report cannot be read', async () => {
    server.use(
      rest.get(
        `${BASE_URL}/v1/entities/:kind/:namespace/:name/patterns`,
        (_req, res, ctx) =>
          res(
            ctx.status(503),
            ctx.json({
              error: {
                name: 'ServiceUnavailableError',
                message: 'The catalog did not answer in time',
              },
              response: { statusCode: 503 },
            }),
          ),
      ),
    );
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('retry-with-backoff'),
      { inCatalog: false },
    );
    expect(
      (await screen.findAllByText(/The catalog did not answer in time/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Patterns used' })).toBeNull();
  });

  it('shows an error panel when the patterns cannot be loaded', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns`, (_req, res, ctx) =>
        res(
          ctx.status(503),
          ctx.json({
            error: { name: 'Error', message: 'backend unavailable' },
            response: { statusCode: 503 },
          }),
        ),
      ),
    );
    await renderWithEntity(
      <EntityPatternsContent />,
      testEntity('retry-with-backoff'),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });

  it('renders as the legacy extensions from patternsPlugin.provide', async () => {
    await renderWithEntity(
      <>
        <LegacyContentExtension />
        <LegacyCardExtension />
      </>,
      testEntity('retry-with-backoff'),
    );
    expect(
      await screen.findByRole('table', { name: 'Patterns used' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'Patterns used' }),
    ).toBeInTheDocument();
  });
});

describe('isPatternsAvailable', () => {
  it('is true only with the annotation', () => {
    expect(isPatternsAvailable(testEntity('saga'))).toBe(true);
    expect(isPatternsAvailable(testEntity(''))).toBe(true);
    expect(isPatternsAvailable(testEntity(undefined))).toBe(false);
  });
});
