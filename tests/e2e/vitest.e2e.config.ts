import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: one file at a time, a real Chromium, the real core behind the loopback harness. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // No `bail`: one failure must not hide the other spec files. Steps that build on each other
    // inside one describe block stop there (tests/e2e/steps.ts).
  },
});
