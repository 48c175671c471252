import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("a service's Patterns tab shows its patterns and its graph", async ({
  page,
}) => {
  await signInAsGuest(
    page,
    '/catalog/default/component/checkout-service/patterns',
  );
  await expect(page.getByRole('link', { name: 'Saga' }).first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Outbox' }).first(),
  ).toBeVisible();
  await expect(
    page.locator(
      '[data-testid="graph-node-component:default/checkout-service"]',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Transient errors' }).click();
  // The outcome is a set: what the service declares is marked, what it lacks goes in the line to paste.
  await expect(page.getByText('Recommended: Retry with Backoff')).toBeVisible();
  await expect(page.getByText('already declared').first()).toBeVisible();
  await expect(
    page.getByText(/system-design\/patterns: .*idempotency-key/).first(),
  ).toBeVisible();
});

test('a typo in the annotation shows did-you-mean', async ({ page }) => {
  await signInAsGuest(
    page,
    '/catalog/default/component/inventory-service/patterns',
  );
  await expect(
    page.getByText(/did you mean retry-with-backoff\?/).first(),
  ).toBeVisible();
});

test("the pattern's Used by lists the service's team", async ({ page }) => {
  await signInAsGuest(page, '/patterns/saga');
  const usedBy = page.locator('#used-by');
  // The owner's title once the catalog's entity presentation has loaded it.
  await expect(usedBy).toContainText(/checkout-team|Checkout Team/);
  await expect(usedBy).toContainText('Declared and detected');
  await expect(
    usedBy.getByRole('link', { name: /checkout-service|Checkout Service/ }),
  ).toBeVisible();
});

test('the adoption page shows patterns × teams', async ({ page }) => {
  await signInAsGuest(page, '/patterns/adoption');
  await expect(page.getByRole('table')).toContainText('checkout-team');
  await expect(page.getByRole('table')).toContainText('Circuit Breaker');
});

// catalog-web declares no patterns; its source tree (examples/services/catalog-web)
// shows a feature-flag SDK in package.json, which the catalog module detects.
test('a service that declares nothing but shows evidence gets the line to paste', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/catalog-web/patterns');
  const detected = page.getByRole('region', { name: 'Detected, not declared' });
  await expect(detected).toContainText('No patterns declared, but evidence of');
  const line = detected.getByRole('figure', {
    name: 'Annotation line for detected patterns',
  });
  await expect(line).toContainText('system-design/patterns: ');
  await expect(line).toContainText('feature-flags');
  await expect(line.getByRole('button', { name: 'Copy text' })).toBeVisible();
  const used = page.getByRole('table', { name: 'Patterns used' });
  const featureFlags = used
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Feature Flags' }) });
  await expect(featureFlags).toContainText('Detected, not declared');
  await expect(featureFlags).toContainText('package.json');
});
