import { defineConfig } from '@playwright/test';
import { testPassphrase } from './src-main/security/key-source';

// Every host a test starts (and every core a test makes to fill a data folder) unlocks its
// database with the test passphrase, as `npm start` would with the one typed at the terminal.
process.env.FIELDBOOK_PASSPHRASE = testPassphrase;

// The e2e tests drive the real renderer through the browser host (tests/e2e/app-fixture.ts starts
// one per test) in Debian's Chromium: Playwright downloads no browser here. `npm run test:e2e`
// builds dist/ first; `npm test` runs scripts/ensure-system-deps.mjs to install Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  // Each test has its own host and data folder; one worker keeps a 2-core machine responsive.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // No network beyond loopback: keep Chromium from trying (and waiting on) its own services.
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
