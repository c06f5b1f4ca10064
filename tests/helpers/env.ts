import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../../electron/core/app';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The hand-out folder beside the checkout: fixtures nobody on the team wrote. */
export const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');

/** Argon2id cheap enough for tests; the real cost is measured by `npm run bench`. */
export const TEST_KDF = { m: 8192, t: 1, p: 1 } as const;
export const PASS = 'correct horse battery staple';

export function tempDir(prefix = 'amparo-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A core over a fresh vault file in a temp folder. */
export async function freshCore(
  opts: { create?: boolean; today?: string } = {},
): Promise<{ core: Core; dir: string; dbPath: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'amparo.db');
  const core = createCore({ dbPath, kdfCost: TEST_KDF, ...(opts.today ? { today: () => opts.today! } : {}) });
  if (opts.create !== false) await core.call('vault.create', { passphrase: PASS });
  return {
    core,
    dir,
    dbPath,
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}
