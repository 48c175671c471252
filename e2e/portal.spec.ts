import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('browse: catalog → Circuit Breaker with its diagram and code', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns');
  await page.getByRole('link', { name: 'Patterns' }).first().click();
  const resilience = page.getByRole('table', { name: 'Resilience Patterns' });
  await expect(resilience).toContainText('Preventing cascading failures');
  await resilience.getByRole('link', { name: 'Circuit Breaker' }).click();

  await expect(page).toHaveURL(/\/patterns\/circuit-breaker$/);
  await expect(
    page.getByRole('heading', { name: 'Circuit Breaker', level: 1 }),
  ).toBeVisible();
  const diagram = page.locator('#how-it-works figure[role="img"] svg');
  await expect(diagram).toBeVisible();
  expect(await diagram.evaluate(el => el.tagName.toLowerCase())).toBe('svg');
  await expect(
    page.locator('#implementation-example pre').first(),
  ).toContainText('class');
});

test('wizard: from the first question to a recommendation', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/wizard');
  await expect(
    page.getByRole('heading', { name: 'Need to expose APIs?' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Transient errors' }).click();
  await expect(page.getByText('Recommended: Retry with Backoff')).toBeVisible();
  expect(page.url()).toContain('answers=1.0.1');

  await page
    .getByRole('checkbox', { name: 'Show the flowchart with my path' })
    .check();
  await expect(
    page.locator(
      'figure[aria-label="Decision flowchart with the path taken highlighted"] svg',
    ),
  ).toBeVisible();
});

test('graph: every pattern, filterable', async ({ page }) => {
  await signInAsGuest(page, '/patterns/graph');
  await expect(page.getByRole('link', { name: 'Saga (data)' })).toBeVisible();
  // 39 built-in patterns, the example company pattern, the hostile fixture.
  await expect(page.locator('[data-testid^="graph-node-"]')).toHaveCount(41);
  await page.getByRole('button', { name: 'Data Patterns' }).click();
  await expect(
    page.getByRole('link', { name: 'REST (communication)' }),
  ).toHaveCount(0);
  await page.getByRole('link', { name: 'Saga (data)' }).click();
  await expect(page).toHaveURL(/\/patterns\/saga$/);
});

test('company patterns from the example directory are served', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns?q=hedged');
  const resilience = page.getByRole('table', { name: 'Resilience Patterns' });
  await expect(
    resilience.getByRole('link', { name: 'Hedged Requests' }),
  ).toBeVisible();
  await resilience.getByRole('link', { name: 'Hedged Requests' }).click();
  await expect(page).toHaveURL(/\/patterns\/hedged-requests$/);
  await expect(
    page.getByRole('heading', { name: 'Hedged Requests', level: 1 }),
  ).toBeVisible();
});

test('search finds patterns by title and body', async ({ page }) => {
  await signInAsGuest(page, '/search?query=jitter');
  // The index is built shortly after start-up; reload until it has patterns.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('link', { name: 'Retry with Backoff' }),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await page.goto('/search?query=compensating');
  await expect(page.getByRole('link', { name: 'Saga' }).first()).toBeVisible();

  // "Patterns" among the result types narrows the results to patterns.
  await page.goto('/search?query=circuit');
  await page.getByRole('button', { name: /^Patterns/ }).click();
  await expect(
    page.getByRole('link', { name: 'Circuit Breaker' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Checkout Service/ }),
  ).toHaveCount(0);
});
