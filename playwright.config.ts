import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The app's address; 3000 unless PLAYWRIGHT_BASE_URL names a portal started
 * elsewhere (with its backend in PLAYWRIGHT_BACKEND_URL, read by
 * e2e/waitForBackend.ts), which is then reused.
 */
const baseURL = process.env.PLAYWRIGHT_BASE_URL ?? 'http://localhost:3000';

/**
 * End-to-end tests against the running portal (started here with the
 * example catalog, the example company patterns and hostile fixtures) in
 * Debian's Chromium. Playwright never downloads a browser of its own.
 */
export default defineConfig({
  testDir: 'e2e',
  testIgnore: 'screenshots/**',
  globalSetup: './e2e/waitForBackend.ts',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Absolute paths: the backend resolves --config from packages/backend.
    command: [
      'bash scripts/start.sh',
      `--config ${resolve(__dirname, 'app-config.yaml')}`,
      `--config ${resolve(__dirname, 'e2e/app-config.e2e.yaml')}`,
    ].join(' '),
    // The app's dev server answers once the frontend has compiled, which
    // takes longer than the backend's start.
    url: baseURL,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
