import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer tests that render React (tests/renderer) are .tsx and choose a DOM per file (`// @vitest-environment happy-dom`).
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The CLI and hosts that tests start unlock data folders with the passphrase test cores use
    // (testPassphrase in src-main/security/key-source.ts; written out: this file imports nothing of the app).
    env: { FIELDBOOK_PASSPHRASE: 'fieldbook test passphrase' },
  },
});
