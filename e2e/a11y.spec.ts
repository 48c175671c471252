import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * Accessibility of the plugin's pages: axe finds no serious or critical
 * violation, in the light and the dark theme, and the decision flowchart's
 * labels can be read at the default size in a 1440-px-wide window.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** The smallest node label on a rendered flowchart is at least this high. */
const MIN_LABEL_PX = 12;

/** Waits until a page's content has loaded: no progress bar, no skeleton. */
async function settled(page: Page) {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('[data-testid="progress"]')).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/** Serious and critical violations, one line each with a few of the nodes. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.impact} ${v.id} (${v.nodes.length} nodes): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(n => n.target.join(' '))
          .join(' | ')}`,
    );
}

/**
 * The on-screen height of each line of each node label of a rendered
 * Mermaid flowchart (SVG text, or HTML labels should they be turned on).
 */
async function nodeLabelHeights(figure: Locator): Promise<number[]> {
  return figure.evaluate(root =>
    Array.from(root.querySelectorAll('g.node text, g.node .nodeLabel')).flatMap(
      label => {
        const lines = label.querySelectorAll('tspan.text-outer-tspan');
        return (lines.length > 0 ? Array.from(lines) : [label])
          .map(line => line.getBoundingClientRect().height)
          .filter(height => height > 0);
      },
    ),
  );
}

async function expectLegibleLabels(figure: Locator, what: string) {
  await expect(figure.locator('svg g.node').first()).toBeAttached();
  const heights = await nodeLabelHeights(figure);
  expect(heights.length, `${what}: node labels found`).toBeGreaterThan(0);
  const smallest = Math.min(...heights);
  const description = `${what}: smallest node label line ${smallest.toFixed(
    1,
  )} px over ${heights.length} lines`;
  test.info().annotations.push({ type: 'label height', description });
  // eslint-disable-next-line no-console
  console.log(description);
  expect(smallest, `${what}: smallest label line in px`).toBeGreaterThanOrEqual(
    MIN_LABEL_PX,
  );
}

/** Turns on the wizard's "Show the flowchart with my path"; returns the flowchart. */
async function showWizardFlowchart(page: Page): Promise<Locator> {
  await page.getByRole('checkbox', { name: /Show the flowchart/i }).check();
  const figure = page.getByRole('img', { name: /flowchart/i });
  await expect(figure.locator('svg')).toBeVisible();
  return figure;
}

const pages: Array<{
  name: string;
  path: string;
  ready: (p: Page) => Promise<void>;
}> = [
  {
    name: 'Catalog page',
    path: '/patterns',
    ready: async p => {
      await expect(
        p.getByRole('table', { name: 'Resilience Patterns' }),
      ).toBeVisible();
    },
  },
  {
    name: 'pattern document',
    path: '/patterns/circuit-breaker',
    ready: async p => {
      await expect(
        p.getByRole('heading', { name: 'Circuit Breaker', level: 1 }),
      ).toBeVisible();
      await expect(
        p.locator('#how-it-works [role="img"] svg').first(),
      ).toBeVisible();
      await expect(
        p.locator('#implementation-example pre span').first(),
      ).toBeVisible();
    },
  },
  {
    name: 'Guide page',
    path: '/patterns/guide',
    ready: async p => {
      await expect(
        p.getByRole('img', { name: /Decision flowchart/ }).locator('svg'),
      ).toBeVisible();
    },
  },
  {
    name: 'Decision Wizard with its flowchart',
    path: '/patterns/wizard',
    ready: async p => {
      await showWizardFlowchart(p);
    },
  },
  {
    name: 'Graph page',
    path: '/patterns/graph',
    ready: async p => {
      await expect(
        p.locator('[data-testid^="graph-node-"]').first(),
      ).toBeVisible();
    },
  },
  {
    name: 'Adoption page',
    path: '/patterns/adoption',
    ready: async p => {
      await expect(p.getByRole('table').first()).toBeVisible();
    },
  },
  {
    name: "entity's Patterns tab",
    path: '/catalog/default/component/checkout-service/patterns',
    ready: async p => {
      await expect(p.getByRole('link', { name: 'Saga' }).first()).toBeVisible();
      await expect(
        p.locator(
          '[data-testid="graph-node-component:default/checkout-service"]',
        ),
      ).toBeVisible();
    },
  },
  {
    name: "entity's Patterns tab with annotation problems",
    path: '/catalog/default/component/inventory-service/patterns',
    ready: async p => {
      await expect(
        p.getByText(/did you mean retry-with-backoff\?/).first(),
      ).toBeVisible();
    },
  },
  {
    name: "entity's Patterns tab without the annotation",
    path: '/catalog/default/component/catalog-web/patterns',
    ready: async p => {
      await expect(p.locator('pre').first()).toBeVisible();
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(t => {
        window.localStorage.setItem('theme', t);
      }, theme);
    });

    for (const { name, path, ready } of pages) {
      test(`${name} (${path}): no serious or critical axe violation`, async ({
        page,
      }) => {
        await signInAsGuest(page, path);
        await ready(page);
        await settled(page);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test('the guide flowchart can be read at its default size', async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/guide');
  const figure = page.getByRole('img', { name: /Decision flowchart/ });
  await expectLegibleLabels(figure, 'guide, whole flowchart');
  // It scrolls, and the keyboard can reach it to scroll it.
  await expect(figure).toHaveAttribute('tabindex', '0');

  // One concern's branch at a time.
  await page.getByRole('button', { name: /Show/ }).click();
  const options = page.getByRole('option');
  await expect(options.first()).toHaveText('Whole flowchart');
  const concern = (await options.nth(1).textContent()) ?? '';
  await options.nth(1).click();
  const branch = page.getByRole('img', {
    name: `Decision flowchart: ${concern}`,
  });
  await expectLegibleLabels(branch, `guide, branch "${concern}"`);
  expect(page.url()).toContain('branch=');
});

test("the wizard's flowchart with my path can be read at its default size", async ({
  page,
}) => {
  await signInAsGuest(page, '/patterns/wizard');
  const figure = await showWizardFlowchart(page);
  await expectLegibleLabels(figure, 'wizard flowchart');
});
