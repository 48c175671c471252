import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Takes the README screenshots from the running portal:
 * `yarn screenshots` writes docs/screenshots/*.png.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/screenshots',
  testIgnore: [],
  retries: 0,
  use: { ...base.use, viewport: { width: 1440, height: 900 } },
  // The example portal as a newcomer sees it, without the hostile fixtures.
  webServer: { ...base.webServer, command: 'bash scripts/start.sh' },
});
