import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { PASS, tempDir } from '../../helpers/env';
import { newDevice, quick } from './helpers';

const { dir: root, cleanup } = tempDir('amparo-exchange-cli-');
afterAll(() => cleanup());
const env = { AMPARO_PASSPHRASE: PASS };
let lead = '';
let member = '';
let personId = '';

beforeAll(async () => {
  const l = await newDevice(root, 'lead');
  const m = await newDevice(root, 'member');
  personId = (await quick(l, 'Rosa', 'Quispe Mamani')).id;
  l.core.close();
  m.core.close();
  lead = l.dbPath;
  member = m.dbPath;
});

describe('clinic and exchange commands, through the real CLI', () => {
  it('init, join request, fingerprint on both sides, approve, join, devices, export, import, a refused bundle exits 4', () => {
    const init = runCli(['clinic', 'init', '--db', lead], env);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const req = join(root, 'request.json');
    const jr = runCli(['clinic', 'join-request', '--db', member, '--out', req], env);
    expect(jr.code).toBe(0);
    const shown = /Fingerprint[^:]*: ([\d ]+)/.exec(jr.stdout)?.[1]?.trim();
    expect(shown).toMatch(/^\d{5}( \d{5}){5}$/);
    const onLead = runCli(['clinic', 'fingerprint', '--db', lead, '--request', req], env);
    expect(onLead.stdout.trim()).toBe(shown);
    const acc = join(root, 'acceptance.json');
    const wrong = runCli(
      ['clinic', 'approve', '--db', lead, req, '--out', acc, '--fingerprint', '11111 11111 11111 11111 11111 11111'],
      env,
    );
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/fingerprints do not match/i);
    expect(runCli(['clinic', 'approve', '--db', lead, req, '--out', acc, '--fingerprint', shown!], env).code).toBe(0);
    const joined = runCli(['clinic', 'join', '--db', member, acc], env);
    expect(joined.code).toBe(0);
    const clinicFp = /Clinic fingerprint: ([\d ]+)/.exec(init.stdout)?.[1];
    expect(joined.stdout).toContain(`Clinic fingerprint: ${clinicFp}`);
    const devices = JSON.parse(runCli(['clinic', 'devices', '--db', lead, '--json'], env).stdout) as Array<{
      role: string;
      deviceId: string;
    }>;
    expect(devices.map((d) => d.role).sort()).toEqual(['lead', 'member']);

    const out = join(root, 'out');
    mkdirSync(out);
    const exported = runCli(['exchange', 'export', '--db', lead, '--to', out], env);
    expect(exported.code).toBe(0);
    const file = exported.stdout.trim();
    expect(file.startsWith(out)).toBe(true);
    expect(readFileSync(file).toString('latin1')).not.toContain('Quispe');

    // A damaged copy beside the good one: the good one applies, the damaged one is refused with exit 4.
    const bad = join(root, 'bad');
    mkdirSync(bad);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(join(bad, 'damaged.amparo-bundle'), bytes);
    copyFileSync(file, join(bad, 'good.amparo-bundle'));
    const imported = runCli(['exchange', 'import', '--db', member, bad], env);
    expect(imported.code).toBe(4);
    expect(imported.stdout).toMatch(/^\d+ changes from 1 devices, 0 conflicts, 0 possible duplicates/);
    expect(imported.stderr).toContain('BUNDLE_BAD_SIGNATURE');
    const again = runCli(['exchange', 'import', '--db', member, file], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 changes .*1 already imported/);
    expect(runCli(['search', '--db', member, 'Quispe'], env).stdout).toContain(personId.slice(0, 8));
    expect(JSON.parse(runCli(['conflicts', 'list', '--db', member, '--json'], env).stdout)).toEqual([]);
    const revoke = runCli(['clinic', 'revoke', '--db', lead, '--device', devices.find((d) => d.role === 'member')!.deviceId], env);
    expect(revoke.code).toBe(0);
  }, 240_000);
});
