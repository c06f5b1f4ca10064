import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: one file at a time, a real Chromium, the real core behind the loopback harness. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Builds the CLI and host bundles the harness and tests spawn, once, before any spec runs.
    globalSetup: ['tests/helpers/bundles-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    // Catch a hang, not a slow machine; each wait inside a test is for a state (Playwright: 30 s each).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for a state; its 1 s default would make a busy machine fail a correct app.
    expect: { poll: { timeout: 30_000 } },
    // No `bail`: one failure must not hide the other spec files. Steps that build on each other
    // inside one describe block stop there (tests/e2e/steps.ts).
  },
});
