import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  BASE_URL,
  currentUrl,
  renderPatternsAt,
  server,
} from '../../__testUtils__/renderPatterns';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: async () => ({ svg: '<svg></svg>' }),
  },
}));

async function usedByCard() {
  await screen.findByRole('heading', { name: 'Circuit Breaker', level: 1 });
  const anchor = document.getElementById('used-by')!;
  expect(anchor).not.toBeNull();
  return anchor;
}

describe('UsedByCard on the pattern page', () => {
  registerMswTestHooks(server);

  it('lists the entities grouped by owner, each linked to its catalog page', async () => {
    await renderPatternsAt('/patterns/circuit-breaker');
    const card = await usedByCard();
    expect(await within(card).findByText('3 entities')).toBeInTheDocument();

    const payments = within(card).getByRole('region', { name: /payments/ });
    expect(
      within(payments).getByRole('heading', { name: /payments/ }),
    ).toBeInTheDocument();
    const ownerLink = within(payments).getAllByRole('link')[0];
    expect(ownerLink).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(
      within(payments).getByRole('link', { name: 'Checkout Service' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(
      within(payments).getByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/api/payments-api');
    expect(
      within(payments).getByText(/^service component/),
    ).toBeInTheDocument();

    const unowned = within(card).getByRole('region', { name: /No owner/ });
    expect(
      within(unowned).getByRole('link', { name: 'legacy-gateway' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-gateway');
    expect(
      within(unowned).queryByRole('link', { name: 'Checkout Service' }),
    ).toBeNull();
  });

  it('says how to declare the pattern when nobody uses it', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/:id/usage`, (_req, res, ctx) =>
        res(ctx.json({ patternId: 'circuit-breaker', total: 0, owners: [] })),
      ),
    );
    await renderPatternsAt('/patterns/circuit-breaker');
    const card = await usedByCard();
    const empty = await within(card).findByText(
      /No entities declare this pattern yet/,
    );
    expect(empty.textContent).toBe(
      'No entities declare this pattern yet, and none shows evidence of it — add system-design/patterns: circuit-breaker to a catalog-info.yaml.',
    );
    expect(within(card).queryByRole('radiogroup')).toBeNull();
  });

  it('marks each entity declared and detected, declared only, or detected only', async () => {
    await renderPatternsAt('/patterns/circuit-breaker');
    const card = await usedByCard();
    const item = async (name: string) =>
      (await within(card).findByRole('link', { name })).closest('li')!;

    expect(await item('Checkout Service')).toHaveTextContent(
      'service componentDeclared and detected',
    );
    expect(await item('payments-api')).toHaveTextContent(
      'openapi apiDeclared, no evidence found',
    );
    expect(await item('legacy-gateway')).toHaveTextContent(
      'componentDetected, not declared',
    );
  });

  it('filters by source from the keyboard, and keeps the filter in the URL', async () => {
    const user = userEvent.setup();
    await renderPatternsAt('/patterns/circuit-breaker');
    const card = await usedByCard();
    const filter = await within(card).findByRole('radiogroup');
    const names = () =>
      within(card)
        .queryAllByRole('link')
        .map(l => l.textContent)
        .filter(t => t !== 'payments');

    expect(
      within(filter).getByRole('radio', { name: 'All (3)' }),
    ).toBeChecked();
    expect(names()).toEqual([
      'Checkout Service',
      'payments-api',
      'legacy-gateway',
    ]);

    within(filter).getByRole('radio', { name: 'All (3)' }).focus();
    // Arrow keys move through the radio group: all → both → declared → detected.
    await user.keyboard('{ArrowRight}');
    expect(
      within(filter).getByRole('radio', { name: 'Declared and detected (1)' }),
    ).toBeChecked();
    expect(names()).toEqual(['Checkout Service']);
    expect(currentUrl().searchParams.get('source')).toBe('both');

    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(
      within(filter).getByRole('radio', { name: 'Detected, not declared (1)' }),
    ).toBeChecked();
    expect(names()).toEqual(['legacy-gateway']);
    expect(within(card).queryByRole('region', { name: /payments/ })).toBeNull();
    expect(currentUrl().searchParams.get('source')).toBe('detected');
  });

  it('opens with the filter the URL names', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/:id/usage`, (_req, res, ctx) =>
        res(
          ctx.json({
            patternId: 'circuit-breaker',
            total: 1,
            owners: [
              {
                owner: 'unowned',
                entities: [
                  {
                    ref: 'component:default/legacy-gateway',
                    kind: 'Component',
                    namespace: 'default',
                    name: 'legacy-gateway',
                    source: 'detected',
                  },
                ],
              },
            ],
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/circuit-breaker?source=declared');
    const card = await usedByCard();
    expect(
      await within(card).findByRole('radio', {
        name: 'Declared, no evidence found (0)',
      }),
    ).toBeChecked();
    expect(
      within(card).getByText('No entity is declared, no evidence found.'),
    ).toBeInTheDocument();
    expect(
      within(card).queryByRole('link', { name: 'legacy-gateway' }),
    ).toBeNull();
  });

  it('shows an error in the card and keeps the rest of the page', async () => {
    server.use(
      rest.get(`${BASE_URL}/v1/patterns/:id/usage`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json({
            error: { name: 'Error', message: 'catalog unreachable' },
            response: { statusCode: 500 },
          }),
        ),
      ),
    );
    await renderPatternsAt('/patterns/circuit-breaker');
    const card = await usedByCard();
    expect(
      (await within(card).findAllByText(/catalog unreachable/))[0],
    ).toBeInTheDocument();
    expect(document.getElementById('how-it-works')).not.toBeNull();
  });
});
