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

test('a content document carrying script executes nothing', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/hostile-test');
  await expect(
    page.getByRole('heading', { name: 'Hostile Test Pattern', level: 1 }),
  ).toBeVisible();
  await expect(
    page.locator('#how-it-works figure[role="img"] svg'),
  ).toBeVisible();
  await expect(
    page.locator('#implementation-example pre').first(),
  ).toContainText('__pwned');
  await expectNothingExecuted(page);

  // The markdown link is shown, but never as a javascript: link.
  const scriptLink = page.getByText('javascript link');
  await expect(scriptLink).toHaveCount(1);
  expect((await scriptLink.getAttribute('href')) ?? '').not.toMatch(
    /^\s*javascript:/i,
  );
  await scriptLink.click();
  // No link anywhere on the page runs script or loads a data: document.
  expect(
    await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count(),
  ).toBe(0);
  // The unsafe references are not listed at all (the backend drops them).
  await expect(page.getByText("window.__pwned='reference'")).toHaveCount(0);
  // The diagram's init directive could not turn HTML labels back on.
  await expect(page.locator('#how-it-works svg foreignObject')).toHaveCount(0);
  await page.locator('#how-it-works svg').first().click();
  await expectNothingExecuted(page);
});

test('an alias equal to another pattern’s id does not take that id over', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/saga');
  await expect(
    page.getByRole('heading', { name: 'Saga', level: 1 }),
  ).toBeVisible();
  await page.goto('/patterns/circuit-breaker');
  await expect(
    page.getByRole('heading', { name: 'Circuit Breaker', level: 1 }),
  ).toBeVisible();
});

test('the guide and wizard flowcharts render without HTML labels, and a broken company tree is repaired', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/guide');
  const guideChart = page.locator('figure[role="img"] svg').first();
  await expect(guideChart).toBeVisible();
  await expect(
    page.locator('figure[role="img"] svg foreignObject'),
  ).toHaveCount(0);
  await expectNothingExecuted(page);

  await page.goto('/patterns/wizard');
  for (const answer of [
    'No',
    'No',
    'No',
    'No, something else',
    'Releasing changes safely',
  ]) {
    await page.getByRole('button', { name: answer, exact: true }).click();
  }
  await expect(
    page.getByRole('heading', { name: 'How do you want to release?' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'A dangling answer' }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Loop back to the start' }),
  ).toHaveCount(0);
  await page
    .getByRole('button', {
      name: 'Send a small share of traffic first and compare',
    })
    .click();
  await expect(page.getByText('Recommended: Canary Deployment')).toBeVisible();
  await page
    .getByRole('checkbox', { name: 'Show the flowchart with my path' })
    .check();
  const wizardChart = page.locator(
    'figure[aria-label="Decision flowchart with the path taken highlighted"] svg',
  );
  await expect(wizardChart).toBeVisible();
  await expect(wizardChart.locator('foreignObject')).toHaveCount(0);

  // A shared URL with thousands of answers does not freeze the page.
  await page.goto(
    `/patterns/wizard?answers=${new Array(5000).fill('0').join('.')}`,
  );
  await expect(page.getByText(/Recommended:/)).toBeVisible();
  await expectNothingExecuted(page);
});

test('an annotation value carrying script executes nothing', async ({
  page,
}) => {
  await signInAsGuest(
    page,
    '/catalog/default/component/hostile-service/patterns',
  );
  await expect(
    page.getByText(/not a pattern id|Unknown pattern id/).first(),
  ).toBeVisible();
  await expect(page.getByText('Circuit Breaker').first()).toBeVisible();
  await expectNothingExecuted(page);
  await page.goto('/catalog/default/component/hostile-service');
  await expect(page.getByText('Hostile').first()).toBeVisible();
  await expectNothingExecuted(page);
});
