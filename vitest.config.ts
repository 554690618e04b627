import { defineConfig } from 'vitest/config';

// One runner for every level: unit (core), integration (server, on SQLite and PostgreSQL) and
// end-to-end (real server + Chromium). Integration files run in parallel processes; each test
// file creates and drops its own databases.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
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
