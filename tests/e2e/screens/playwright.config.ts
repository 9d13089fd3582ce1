import { defineConfig } from '@playwright/test';
import baseConfig from '../../../playwright.config';

// Screenshots of every screen, light and dark, on a populated data folder: a tool for a person to
// look at, not a test, so it lives apart from the suite (its files end in .shots.ts, which the
// main config does not match) and runs only when asked:
//   node scripts/build.mjs && npx playwright test -c tests/e2e/screens
// FIELDBOOK_SCREENS_DIR chooses where they go (default: docs/screenshots).
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: '*.shots.ts',
  timeout: 300_000,
  use: { ...baseConfig.use, viewport: { width: 1280, height: 800 } },
});
