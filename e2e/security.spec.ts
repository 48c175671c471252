import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

async function expectNothingExecuted(page: Page) {
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', dialog => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
});

test('a content document carrying script executes nothing', async ({ page }) => {
  await signInAsGuest(page, '/patterns/hostile-test');
  await expect(page.getByRole('heading', { name: 'Hostile Test Pattern', level: 1 })).toBeVisible();
  await expect(page.locator('#how-it-works figure[role="img"] svg')).toBeVisible();
  await expect(page.locator('#implementation-example pre').first()).toContainText('__pwned');
  await expectNothingExecuted(page);

  const scriptLink = page.getByText('javascript link');
  if (await scriptLink.count()) {
    const href = await scriptLink.first().getAttribute('href');
    expect(href ?? '').not.toMatch(/^javascript:/i);
    await scriptLink.first().click();
  }
  await page.locator('#how-it-works svg').first().click();
  await expectNothingExecuted(page);
});

test('an annotation value carrying script executes nothing', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/hostile-service/patterns');
  await expect(page.getByText(/not a pattern id|Unknown pattern id/).first()).toBeVisible();
  await expect(page.getByText('Circuit Breaker').first()).toBeVisible();
  await expectNothingExecuted(page);
  await page.goto('/catalog/default/component/hostile-service');
  await expect(page.getByText('Hostile').first()).toBeVisible();
  await expectNothingExecuted(page);
});
