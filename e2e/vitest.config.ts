import { defineConfig } from 'vitest/config';

// Browser journeys: a real server process (PGlite in a temp dir, demo data) driven through Debian's
// Chromium with playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
