/**
 * Verify and restore as the Settings page calls them: backup.verify and
 * backup.restore are jobs of the core's runner (progress, result, a failure
 * with its code); restoring into a new folder leaves the current vault alone;
 * replacing needs the staged job, locks the vault, sets it aside renamed and
 * unchanged, and the restored vault unlocks with the backup's data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { createCore } from '../../../electron/core/app';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { createClient } from '../forms-service/helpers';
import { backupFolder, NAMES } from './helpers';

const KEEP = { daily: 7, weekly: 4, monthly: 12 };
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function finished(core: Core, jobId: string) {
  await expect.poll(async () => (await core.call('jobs.status', { jobId })).state).not.toBe('running');
  return core.call('jobs.status', { jobId });
}

async function vaultWithBackup() {
  const env = await freshCore();
  cleanups.push(env.cleanup);
  await createClient(env.core, NAMES[0]!);
  const folder = backupFolder(env.dir);
  await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
  const { jobId } = await env.core.call('backup.start', {});
  expect((await finished(env.core, jobId)).state).toBe('done');
  const [listed] = await env.core.call('backup.list', {});
  return { env, file: listed!.file };
}

describe('backup.verify and backup.restore', () => {
  it('open with the recovery code instead of a passphrase (exactly one of the two is accepted)', async () => {
    const env = await freshCore({ create: false });
    cleanups.push(env.cleanup);
    const { recoveryCode } = await env.core.call('vault.create', { passphrase: PASS });
    await createClient(env.core, NAMES[1]!);
    const folder = backupFolder(env.dir);
    await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: KEEP });
    expect((await finished(env.core, (await env.core.call('backup.start', {})).jobId)).state).toBe('done');
    const [listed] = await env.core.call('backup.list', {});
    const file = listed!.file;
    // As a person copies it from paper: lower case, spaces instead of dashes.
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const v = await env.core.call('backup.verify', { file, recoveryCode: typed });
    expect((await finished(env.core, v.jobId)).state).toBe('done');
    expect(await env.core.call('jobs.result', { jobId: v.jobId })).toMatchObject({ kind: 'backup.verify', result: { ok: true } });

    const wrongCode = 'A'.repeat(32);
    const w = await env.core.call('backup.verify', { file, recoveryCode: wrongCode });
    expect((await finished(env.core, w.jobId)).state).toBe('failed');

    for (const input of [{ file }, { file, passphrase: PASS, recoveryCode }]) {
      expect(await env.core.dispatch('backup.verify', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }

    const target = join(env.dir, 'restored-with-code');
    const r = await env.core.call('backup.restore', { file, recoveryCode: typed, target: { kind: 'new', folder: target } });
    expect((await finished(env.core, r.jobId)).state).toBe('done');
    const restored = createCore({ dbPath: join(target, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => restored.close());
    await restored.call('vault.unlock', { passphrase: PASS });
    expect((await restored.call('people.list', {})).total).toBe(1);
  });

  it('verifies as a job: every check passes; a damaged copy is reported part by part; a wrong passphrase fails the job', async () => {
    const { env, file } = await vaultWithBackup();
    const good = await env.core.call('backup.verify', { file, passphrase: PASS });
    expect((await finished(env.core, good.jobId)).state).toBe('done');
    const report = await env.core.call('jobs.result', { jobId: good.jobId });
    expect(report).toMatchObject({ kind: 'backup.verify', result: { ok: true } });
    if (report.kind !== 'backup.verify') throw new Error(report.kind);
    expect(report.result.checks.map((c) => c.check)).toEqual([
      'structure',
      'header',
      'keyslots',
      'key',
      'payload',
      'integrity',
      'contents',
    ]);

    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 3)]! ^= 1;
    const bad = join(env.dir, 'bad.amparo-backup');
    writeFileSync(bad, bytes);
    const damaged = await env.core.call('backup.verify', { file: bad, passphrase: PASS });
    await finished(env.core, damaged.jobId);
    expect(await env.core.call('jobs.result', { jobId: damaged.jobId })).toMatchObject({
      result: { ok: false, failed: { part: 'payload' } },
    });

    const wrong = await env.core.call('backup.verify', { file, passphrase: 'not the passphrase at all' });
    expect(await finished(env.core, wrong.jobId)).toMatchObject({ state: 'failed', error: { code: 'WRONG_PASSPHRASE' } });
  });

  it('restores into a new folder, leaving the open vault as it was', async () => {
    const { env, file } = await vaultWithBackup();
    const into = join(env.dir, 'elsewhere');
    const { jobId } = await env.core.call('backup.restore', { file, passphrase: PASS, target: { kind: 'new', folder: into } });
    expect((await finished(env.core, jobId)).state).toBe('done');
    expect(await env.core.call('jobs.result', { jobId })).toMatchObject({
      kind: 'backup.restore',
      result: { target: 'new', dbPath: join(into, 'amparo.db') },
    });
    expect((await env.core.call('people.list', {})).total).toBe(1);
    const other = createCore({ dbPath: join(into, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => other.close());
    await other.call('vault.unlock', { passphrase: PASS });
    expect((await other.call('people.search', { query: NAMES[0]!.family })).length).toBe(1);
    // The current vault's folder is refused as a "new" location.
    await expect(
      env.core.call('backup.restore', { file, passphrase: PASS, target: { kind: 'new', folder: env.dir } }),
    ).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
  });

  it('replaces the current vault only through the staged job: the vault is locked, set aside unchanged, and the backup is in place', async () => {
    const { env, file } = await vaultWithBackup();
    // Written after the backup: gone from the restored vault, kept in the one set aside.
    await createClient(env.core, NAMES[1]!);
    const { jobId } = await env.core.call('backup.restore', { file, passphrase: PASS, target: { kind: 'replace' } });
    expect((await finished(env.core, jobId)).state).toBe('done');
    expect(await env.core.call('jobs.result', { jobId })).toMatchObject({ result: { target: 'replace' } });
    // Nothing moved yet: the staged restore waits for the confirmation.
    expect((await env.core.call('people.list', {})).total).toBe(2);

    const replaced = await env.core.call('backup.replaceVault', { jobId });
    expect(env.core.vault.status().unlocked).toBe(false);
    expect(replaced.dbPath).toBe(env.dbPath);
    expect(replaced.setAside).toMatch(/amparo-set-aside-\d{8}T\d{9}Z$/);
    const aside = replaced.setAside!;
    expect(readdirSync(aside).sort()).toEqual(expect.arrayContaining(['amparo.db', 'amparo.db.keyslots']));
    await expect(env.core.call('backup.replaceVault', { jobId })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });

    await env.core.call('vault.unlock', { passphrase: PASS });
    expect((await env.core.call('people.list', {})).total).toBe(1);
    // The vault set aside opens as it was, with the person written after the backup.
    const asideCore = createCore({ dbPath: join(aside, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => asideCore.close());
    await asideCore.call('vault.unlock', { passphrase: PASS });
    expect((await asideCore.call('people.list', {})).total).toBe(2);
  });
});
