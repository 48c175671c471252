import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { rest } from 'msw';
import {
  BASE_URL,
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
    expect(within(payments).getByText('service component')).toBeInTheDocument();

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
      'No entities declare this pattern yet — add system-design/patterns: circuit-breaker to a catalog-info.yaml.',
    );
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
