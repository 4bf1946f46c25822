import { defineConfig } from 'vitest/config';

/**
 * Test tiers (see docs/ARCHITECTURE.md#tests):
 * - unit:        `*.test.ts` anywhere, no database server needed (DuckDB files and in-memory code are fine).
 * - db-pglite:   `*.db.test.ts`, against an in-process PGlite (one per worker).
 * - db-postgres: the same files against a real PostgreSQL 15 server started by test/setup.
 * - e2e:         `e2e/*.e2e.test.ts`, Playwright driving Debian's Chromium against a started server.
 */
const common = ['**/node_modules/**', '**/dist/**', 'data/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,shared,cli,graph,bench,web,scripts,test}/**/*.test.{ts,tsx}'],
          exclude: [...common, '**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: ['{server,cli,test}/**/*.db.test.ts'],
          exclude: common,
          env: { LANTERN_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'db-postgres',
          include: ['{server,cli,test}/**/*.db.test.ts'],
          exclude: common,
          env: { LANTERN_TEST_DB: 'postgres' },
          globalSetup: ['test/setup/postgres.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          exclude: common,
          globalSetup: ['test/setup/chromium.global.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
