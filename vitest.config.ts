import { defineConfig } from 'vitest/config';

// Unit and integration tests. Database tests run on PGlite always and also on
// PostgreSQL when TEST_DATABASE_URL is set (see apps/server/src/test/databases.ts).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/server/seed/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
