import { defineConfig } from 'vitest/config';

// One runner for every level: unit (core), integration (server, on SQLite and PostgreSQL) and
// end-to-end (real server + Chromium). Integration files run in parallel processes; each test
// file creates and drops its own databases.
export default defineConfig({
  test: {
    projects: [
      // Some engine tests are heavy by design (thousands of systems, real catalogs); on a loaded
      // 2-core machine the 5 s default is too tight for them.
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          exclude: ['packages/server/test/e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          globalSetup: ['packages/server/test/support/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['packages/server/test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
