import { defineConfig } from 'vitest/config';

// Three suites: `unit` (pure domain rules and web helpers), `api` (HTTP API on the embedded database, or on
// PostgreSQL when DATABASE_URL is set), `e2e` (the real server driven in headless Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          env: { KOERS_TODAY: '2026-11-24' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
