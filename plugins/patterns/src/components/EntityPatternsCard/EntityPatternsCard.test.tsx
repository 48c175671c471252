import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { server } from '../../__testUtils__/renderPatterns';
import {
  renderWithEntity,
  testEntity,
} from '../EntityPatternsContent/__testUtils__/renderWithEntity';
import { EntityPatternsCard } from './EntityPatternsCard';

describe('EntityPatternsCard', () => {
  registerMswTestHooks(server);

  it('shows the used patterns as links and counts the warnings', async () => {
    await renderWithEntity(
      <EntityPatternsCard />,
      testEntity('retry-with-backoff, circuit-breaker, bogus'),
    );
    const chips = await screen.findByRole('list', { name: 'Patterns used' });
    const links = within(chips).getAllByRole('link');
    expect(links.map(l => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Retry with Backoff', '/patterns/retry-with-backoff'],
      ['Circuit Breaker', '/patterns/circuit-breaker'],
    ]);
    const warnings = screen.getByRole('status', { name: 'Pattern warnings' });
    // retry-with-backoff and circuit-breaker both lack a timeout.
    expect(within(warnings).getByText('2 risky gaps')).toBeInTheDocument();
    expect(
      within(warnings).getByText('1 annotation problem'),
    ).toBeInTheDocument();
  });

  it('counts no warnings when nothing is missing', async () => {
    await renderWithEntity(<EntityPatternsCard />, testEntity('rest'));
    const warnings = await screen.findByRole('status', {
      name: 'Pattern warnings',
    });
    expect(within(warnings).getByText('0 risky gaps')).toBeInTheDocument();
    expect(
      within(warnings).queryByText(/annotation problem/),
    ).not.toBeInTheDocument();
  });

  it('explains the annotation when the entity has none', async () => {
    await renderWithEntity(<EntityPatternsCard />, testEntity(undefined));
    expect(await screen.findByText(/No patterns declared/)).toBeInTheDocument();
  });
});
