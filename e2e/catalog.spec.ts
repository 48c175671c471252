import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("a service's Patterns tab shows its patterns and its graph", async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/checkout-service/patterns');
  await expect(page.getByRole('link', { name: 'Saga' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Outbox' }).first()).toBeVisible();
  await expect(
    page.locator('[data-testid="graph-node-component:default/checkout-service"]'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Transient errors' }).click();
  await expect(page.getByText(/already uses Retry with Backoff/)).toBeVisible();
});

test('a typo in the annotation shows did-you-mean', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/inventory-service/patterns');
  await expect(page.getByText(/did you mean retry-with-backoff\?/).first()).toBeVisible();
});

test("the pattern's Used by lists the service's team", async ({ page }) => {
  await signInAsGuest(page, '/patterns/saga');
  const usedBy = page.locator('#used-by');
  await expect(usedBy).toContainText('checkout-team');
  await expect(usedBy.getByRole('link', { name: /checkout-service|Checkout Service/ })).toBeVisible();
});

test('the adoption page shows patterns × teams', async ({ page }) => {
  await signInAsGuest(page, '/patterns/adoption');
  await expect(page.getByRole('table')).toContainText('checkout-team');
  await expect(page.getByRole('table')).toContainText('Circuit Breaker');
});
