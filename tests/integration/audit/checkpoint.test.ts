/**
 * When the audit chain's head reaches the key file's MAC-protected body
 * (issue 10): at close, and in between at most every checkpoint interval
 * while entries are written, including once the vault goes quiet, so deleting
 * the newest entries is caught. Never a key-file write per batch of saves.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { chainHead } from '../../../electron/core/audit/chain';
import { readKeyslots } from '../../../electron/core/vault/keyslots';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function vault(auditCheckpointMs: number): Promise<{ core: Core; keyHead: () => number | undefined }> {
  const t = tempDir();
  const dbPath = join(t.dir, 'amparo.db');
  const core = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false, auditCheckpointMs });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  await core.call('vault.create', { passphrase: PASS });
  return { core, keyHead: () => readKeyslots(`${dbPath}.keyslots`).state?.auditHead?.seq };
}

const save = (core: Core, i: number) =>
  core.call('intake.createQuick', { intake: { givenName: `Given${i}`, familyName: `Family${i}`, dob: '1990-01-01', detained: false } });

describe('the audit head in the key file', () => {
  it('is recorded once the vault goes quiet, with no further call', async () => {
    const { core, keyHead } = await vault(200);
    await save(core, 1);
    await save(core, 2);
    const head = chainHead(core.vault.db)!.seq;
    await expect.poll(keyHead, { timeout: 10_000, interval: 50 }).toBe(head);
  });

  it('is not rewritten for each save of a batch, and is recorded at close', async () => {
    const { core, keyHead } = await vault(3_600_000);
    await save(core, 0);
    const first = keyHead();
    for (let i = 1; i <= 150; i++) await save(core, i);
    // 150 entries later, within the interval: the key file still holds the first head it recorded.
    expect(keyHead()).toBe(first);
    const head = chainHead(core.vault.db)!.seq;
    expect(first).toBeDefined();
    expect(head).toBe(first! + 150);
    core.close();
    expect(keyHead()).toBe(head);
  });
});
