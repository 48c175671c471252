import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backend = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Waits until Tech Insights has stored the pattern facts of an entity (15 s after the start, then every 10 min). */
async function waitForPatternFacts(entityRef: string) {
  const { backstageIdentity } = await (
    await fetch(`${backend}/api/auth/guest/refresh`)
  ).json();
  const url = new URL(`${backend}/api/tech-insights/facts/latest`);
  url.searchParams.set('entity', entityRef);
  url.searchParams.append('ids', 'patternsFactRetriever');
  await expect
    .poll(
      async () => {
        const response = await fetch(url, {
          headers: { Authorization: `Bearer ${backstageIdentity.token}` },
        });
        return response.ok
          ? Boolean((await response.json()).patternsFactRetriever)
          : false;
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe(true);
}

test('the entity page shows the pattern scorecard from Tech Insights', async ({
  page,
}) => {
  await waitForPatternFacts('component:default/inventory-service');
  await signInAsGuest(page, '/catalog/default/component/inventory-service');
  const card = page.getByRole('list', { name: 'Pattern checks' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Declares its patterns: passed');
  // its annotation has a typo on purpose (retry-with-backof)
  await expect(card).toContainText(
    'Patterns annotation has no problems: failed',
  );
});
