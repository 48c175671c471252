import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  APP_BASE_URL,
  BASE_URL,
  renderPatternsAt,
  server,
  withDecisionPatterns,
} from '../../__testUtils__/renderPatterns';
import { today } from './DecisionRecordDialog';

async function openRecord(path: string) {
  await renderPatternsAt(path);
  await userEvent.click(
    await screen.findByRole('button', { name: 'Record as ADR' }),
  );
  return screen.getByRole('dialog', { name: 'Record as ADR' });
}

// Whole walks with lazily highlighted snippets are slow on small, shared machines.
jest.setTimeout(30_000);

describe('Record as ADR', () => {
  registerMswTestHooks(server);
  beforeEach(() => withDecisionPatterns());

  const createObjectURL = jest.fn((_blob: Blob) => 'blob:adr');
  const revokeObjectURL = jest.fn();
  const clicked: HTMLAnchorElement[] = [];
  let click: jest.SpyInstance;
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    // jsdom does not navigate; keep the anchor the download clicks.
    click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
  });
  afterEach(() => {
    click.mockRestore();
    clicked.length = 0;
    createObjectURL.mockClear();
  });

  it('previews the merged decision as a MADR record with absolute pattern links', async () => {
    const dialog = await openRecord('/patterns/wizard?path=start:1.1~data:0');
    const title = await within(dialog).findByRole(
      'heading',
      { level: 1 },
      { timeout: 5000 },
    );
    expect(title).toHaveTextContent(
      'Use Retry with Backoff, Saga, Timeout, Circuit Breaker, Outbox',
    );
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 2 })
        .map(h => h.textContent)
        .filter(text => text !== 'Record as ADR'),
    ).toEqual([
      'Context and Problem Statement',
      'Considered Options',
      'Decision Outcome',
      'More Information',
    ]);
    expect(
      within(dialog).getByRole('heading', { level: 3, name: 'Consequences' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`status: proposed · date: ${today()}`);
    // Pros and cons come from each pattern's document.
    expect(dialog).toHaveTextContent('Good, because Saga: Saga helps');
    expect(dialog).toHaveTextContent(
      'Bad, because Circuit Breaker: Thresholds need tuning',
    );
    const links = within(dialog)
      .getAllByRole('link')
      .map(link => link.getAttribute('href'));
    // The preview opens the portal's pages in place.
    expect(links).toEqual(
      expect.arrayContaining([
        '/patterns/saga',
        '/patterns/timeout',
        '/patterns/two-phase-commit',
      ]),
    );
    // The record itself links them absolutely, from the app's base URL.
    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Markdown' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
        `* [Two-Phase Commit](${APP_BASE_URL}/patterns/two-phase-commit)`,
      ),
    );
  });

  it('downloads the record as a Markdown file and copies it', async () => {
    const dialog = await openRecord('/patterns/wizard?path=start:1.1~data:0');
    const download = await within(dialog).findByRole(
      'button',
      { name: 'Download' },
      { timeout: 5000 },
    );
    await waitFor(() => expect(download).toBeEnabled());
    await userEvent.click(download);

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe(
      'use-retry-with-backoff-saga-timeout-circuit-breaker-outbox.md',
    );
    expect(clicked[0].href).toBe('blob:adr');
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/markdown');
    const text = await blob.text();
    expect(
      text.startsWith(`---\nstatus: proposed\ndate: ${today()}\n---\n`),
    ).toBe(true);
    expect(text).toContain('## Decision Outcome');
    expect(text).toContain(`[Saga](${APP_BASE_URL}/patterns/saga)`);

    // The Markdown tab shows what is copied and downloaded.
    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Markdown' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
        '## Context and Problem Statement',
      ),
    );

    const execCommand = jest.fn(() => true);
    Object.assign(document, { execCommand });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Copied to the clipboard.',
    );
    expect(execCommand).toHaveBeenCalledWith('copy');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('records an exit too', async () => {
    const dialog = await openRecord('/patterns/wizard?path=data:1');
    expect(
      await within(dialog).findByRole(
        'heading',
        { level: 1, name: 'Patterns not needed' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('You may not need CQRS');
    expect(
      within(dialog).getByRole('link', { name: /^Read replicas/ }),
    ).toHaveAttribute('href', 'https://example.com/docs/read-replicas');
    // A link into a pattern page is absolute in the record.
    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Markdown' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('tabpanel')).toHaveTextContent(
        `* [Indexes first](${APP_BASE_URL}/patterns/cache-aside#when-not-to-use) — A missing index is the cheapest fix.`,
      ),
    );
  });

  it('shows the error when a pattern document cannot be read', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/saga`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json({
            error: { name: 'Error', message: 'The content store is down' },
            response: { statusCode: 500 },
          }),
        ),
      ),
    );
    const dialog = await openRecord('/patterns/wizard?path=data:0');
    expect(
      await within(dialog).findAllByText(/The content store is down/),
    ).not.toHaveLength(0);
    expect(
      within(dialog).getByRole('button', { name: 'Download' }),
    ).toBeDisabled();
  });
});
