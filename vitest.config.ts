import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Builds the CLI and host bundles the tests spawn, once, before any test file runs.
    globalSetup: ['tests/helpers/bundles-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Native SQLCipher + Argon2 work is CPU-bound; two cores on the build machines.
    pool: 'forks',
  },
});
