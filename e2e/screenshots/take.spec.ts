import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from '../signIn';

const DIR = 'docs/screenshots';

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

test('screenshots for the READMEs', async ({ page }) => {
  await signInAsGuest(page, '/patterns');
  await expect(
    page.getByRole('table', { name: 'Resilience Patterns' }),
  ).toBeVisible();
  await shoot(page, 'patterns-catalog');

  await page.goto('/patterns/circuit-breaker');
  await expect(
    page.locator('#how-it-works figure[role="img"] svg'),
  ).toBeVisible();
  await page.locator('#how-it-works').scrollIntoViewIfNeeded();
  await shoot(page, 'pattern-page');

  await page.goto('/catalog/default/component/checkout-service/patterns');
  await expect(page.getByRole('link', { name: 'Saga' }).first()).toBeVisible();
  await expect(
    page.locator(
      '[data-testid="graph-node-component:default/checkout-service"]',
    ),
  ).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'entity-patterns-tab');

  await page.goto('/catalog/default/component/catalog-web/patterns');
  await expect(page.getByText(/feature-flags/).first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'entity-evidence');

  // Resilience, then data: one merged result.
  await page.goto('/patterns/wizard?path=start:1.0.1~data:0');
  await expect(page.getByText(/Your result across 2 concerns/)).toBeVisible();
  await page
    .getByText(/Your result across 2 concerns/)
    .scrollIntoViewIfNeeded();
  await shoot(page, 'wizard');

  await page.goto('/patterns/guide');
  await expect(page.locator('figure[role="img"] svg').first()).toBeVisible();
  await page.locator('figure[role="img"]').first().scrollIntoViewIfNeeded();
  await shoot(page, 'guide');

  await page.goto('/patterns/graph');
  await expect(page.getByRole('link', { name: 'Saga (data)' })).toBeVisible();
  await shoot(page, 'graph');

  await page.goto('/patterns/adoption');
  await expect(page.getByRole('table')).toContainText('Circuit Breaker');
  await shoot(page, 'adoption');

  await page.goto('/search?query=jitter');
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('link', { name: 'Retry with Backoff' }),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await shoot(page, 'search');
});
