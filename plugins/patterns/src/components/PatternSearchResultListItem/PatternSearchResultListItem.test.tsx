import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PatternSearchResultListItem } from './PatternSearchResultListItem';

describe('PatternSearchResultListItem', () => {
  it('shows the pattern with its summary, category and trade-off, linked', async () => {
    await renderInTestApp(
      <PatternSearchResultListItem
        result={
          {
            title: 'Retry with Backoff',
            text: 'Retries with jitter …',
            location: '/patterns/retry-with-backoff',
            category: 'Resilience Patterns',
            summary: 'Retries transient failures with growing, jittered waits.',
            tradeoff: 'Improved reliability vs thundering herd',
          } as any
        }
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { title: '<em>Retry</em> with Backoff' },
        }}
      />,
    );
    expect(
      screen.getByRole('link', { name: 'Retry with Backoff' }),
    ).toHaveAttribute('href', '/patterns/retry-with-backoff');
    expect(
      screen.getByText('Retry', { selector: 'mark, em, span' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Retries transient failures with growing, jittered waits.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Key trade-off: Improved reliability vs thundering herd',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Resilience Patterns')).toBeInTheDocument();
  });
});
