import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Builds the CLI and host bundles the tests spawn, once, before any test file runs.
    globalSetup: ['tests/helpers/bundles-setup.ts'],
    // Limits that catch a hang, not a slow machine: on 2 busy cores a test that spawns the CLI
    // or derives Argon2 keys a few times can take many times its quiet-machine duration.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a state; its 1 s default would make a busy machine fail a correct app.
    expect: { poll: { timeout: 30_000 } },
    // Native SQLCipher + Argon2 work is CPU-bound; two cores on the build machines.
    pool: 'forks',
  },
});
