import { readFileSync } from 'node:fs';
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

test('wizard: resilience, then data, merged into one annotation line and an ADR', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/wizard');
  await expect(
    page.getByRole('heading', { name: 'Need to expose APIs?' }),
  ).toBeVisible();
  // Resilience, from the guide's first question.
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Transient errors' }).click();
  const recommendation = page.getByRole('region', { name: 'Recommendation' });
  await expect(
    recommendation.getByRole('heading', {
      name: 'Recommended: Retry with Backoff',
    }),
  ).toBeVisible();
  await expect(
    recommendation.getByRole('list', { name: 'Patterns needed with it' }),
  ).toContainText('Timeout');

  // Then data, in the same session.
  await page
    .getByRole('group', { name: 'Concerns' })
    .getByRole('button', { name: 'Data consistency and scaling' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Need distributed transactions?' }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Yes, eventual consistency OK' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Recommended: Saga' }),
  ).toBeVisible();
  expect(new URL(page.url()).search).toBe('?path=start:1.0.1~data:0');

  // One set: Idempotency Key is brought by both outcomes, listed once with both reasons.
  const result = page.getByRole('region', { name: 'Your result' });
  await expect(
    result.getByRole('heading', { name: 'Your result across 2 concerns' }),
  ).toBeVisible();
  await expect(
    result.getByRole('list', { name: 'Why Idempotency Key' }).locator('li'),
  ).toHaveCount(2);
  const lines = result.locator('pre', { hasText: 'system-design/patterns:' });
  await expect(lines).toHaveCount(1);
  await expect(lines).toHaveText(
    'system-design/patterns: retry-with-backoff, saga, timeout, circuit-breaker, idempotency-key, outbox',
  );

  // The flowchart of the data branch, with the path.
  await page
    .getByRole('checkbox', { name: 'Show the flowchart with my path' })
    .check();
  await expect(
    page.locator(
      'figure[aria-label="Decision flowchart with the path taken highlighted"] svg',
    ),
  ).toBeVisible();

  // The decision as an ADR, downloaded as Markdown.
  await result.getByRole('button', { name: 'Record as ADR' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record as ADR' });
  await expect(
    dialog.getByRole('heading', { name: 'Decision Outcome' }),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^use-retry-with-backoff-saga.*\.md$/,
  );
  const path = await download.path();
  const markdown = readFileSync(path, 'utf8');
  expect(markdown).toMatch(
    /^---\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\n---\n/,
  );
  for (const heading of [
    '# Use Retry with Backoff, Saga, Timeout, Circuit Breaker, Idempotency Key, Outbox',
    '## Context and Problem Statement',
    '## Considered Options',
    '## Decision Outcome',
    '### Consequences',
    '## More Information',
  ]) {
    expect(markdown).toContain(`\n${heading}\n`);
  }
  expect(markdown).toContain('(http://localhost:3000/patterns/saga)');
  expect(markdown).toMatch(/\* Good, because Saga: /);

  // The browser's back button steps back through the session.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goBack();
  await expect(
    page.getByRole('heading', { name: 'Need distributed transactions?' }),
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
