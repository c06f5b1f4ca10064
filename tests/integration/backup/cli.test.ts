/** The backup commands through the real CLI bundle: paths printed, exit codes 0 / 3 / 4, restore and list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { freshCore, PASS, tempDir } from '../../helpers/env';
import { createClient } from '../forms-service/helpers';
import { NAMES } from './helpers';

let root: string;
let done: () => void;
let vaultDir: string;
const env = { AMPARO_PASSPHRASE: PASS };

beforeAll(async () => {
  ({ dir: root, cleanup: done } = tempDir('amparo-backup-cli-'));
  const v = await freshCore();
  await createClient(v.core, NAMES[0]!);
  v.core.close();
  vaultDir = v.dir;
  mkdirSync(join(root, 'stick'));
});
afterAll(() => done());

describe('amparo backup commands', () => {
  it('backs up, lists, verifies, restores; damaged is exit 4 and a wrong passphrase exit 3', () => {
    const made = runCli(['backup', '--db', vaultDir, '--to', join(root, 'stick')], env);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const file = made.stdout.trim();
    expect(file).toMatch(/\.amparo-backup$/);

    const list = runCli(['backup', 'list', join(root, 'stick'), '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ file, status: 'verified' })]);

    const ok = runCli(['verify-backup', file], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok {6}PRAGMA integrity_check/);

    expect(runCli(['verify-backup', file], { AMPARO_PASSPHRASE: 'a wrong passphrase here' }).code).toBe(3);

    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 3)]! ^= 1;
    const bad = join(root, 'bad.amparo-backup');
    writeFileSync(bad, bytes);
    const damaged = runCli(['verify-backup', bad], env);
    expect(damaged.code).toBe(4);
    expect(damaged.stdout).toMatch(/FAILED {2}SHA-256 of the database part/);
    expect(runCli(['restore', bad, '--to', join(root, 'from-bad')], env).code).toBe(4);

    const restored = runCli(['restore', file, '--to', join(root, 'restored')], env);
    expect(restored.code).toBe(0);
    expect(runCli(['unlock-check', '--db', join(root, 'restored')], env).code).toBe(0);
    const again = runCli(['restore', file, '--to', join(root, 'restored')], env);
    expect(again.code).toBe(4);
    const replaced = runCli(['restore', file, '--to', join(root, 'restored'), '--replace'], env);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/set aside, unchanged, in .*amparo-set-aside-/);
  });
});
