import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import { approveRequest, initClinic, joinClinic, makeJoinRequest } from '../../../electron/core/exchange/clinic';
import { exportBundle, importBundles, type ExportResult } from '../../../electron/core/exchange/service';
import { stateHash } from '../../../electron/core/exchange/changes';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

export const TODAY = '2026-03-02';
export const NOW = '2026-03-02T10:00:00.000Z';

export interface Device {
  name: string;
  core: Core;
  dir: string;
  dbPath: string;
}

export async function newDevice(root: string, name: string): Promise<Device> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'amparo.db');
  const core = createCore({ dbPath, kdfCost: TEST_KDF, today: () => TODAY, autoBackup: false });
  await core.call('vault.create', { passphrase: PASS });
  return { name, core, dir, dbPath };
}

export const dbOf = (d: Device) => d.core.ctx().db;

/** A lead and `members` member devices, joined through real request and acceptance texts. */
export async function clinicOf(members: number, opts: { field?: number } = {}) {
  const { dir: root, cleanup } = tempDir('amparo-exchange-');
  const lead = await newDevice(root, 'lead');
  initClinic(dbOf(lead), NOW);
  const all: Device[] = [lead];
  const field: Device[] = [];
  for (let i = 0; i < members + (opts.field ?? 0); i++) {
    const isField = i >= members;
    const d = await newDevice(root, isField ? `field${i - members + 1}` : `member${i + 1}`);
    const req = makeJoinRequest(dbOf(d), NOW);
    const acc = approveRequest(
      dbOf(lead),
      JSON.stringify(req.request),
      { role: isField ? 'field' : 'member', fingerprint: req.fingerprint },
      NOW,
    );
    joinClinic(dbOf(d), acc.acceptance, {}, NOW);
    (isField ? field : all).push(d);
  }
  const outbox = join(root, 'outbox');
  mkdirSync(outbox);
  return {
    root,
    lead,
    devices: all,
    field,
    outbox,
    cleanup: () => {
      for (const d of [...all, ...field]) d.core.close();
      cleanup();
    },
  };
}

let n = 0;
/** One bundle from `from` for `to` (or for every member), written into a folder of its own. */
export function send(root: string, from: Device, to?: Device): ExportResult {
  const dir = join(root, `bundle-${++n}`);
  mkdirSync(dir);
  return exportBundle(dbOf(from), dir, { now: NOW, ...(to ? { peer: deviceIdOf(to) } : {}) })!;
}

export const receive = (to: Device, file: string, strict = true) => importBundles(to.core.ctx(), [file], { strict });

export const deviceIdOf = (d: Device) => (dbOf(d).prepare('SELECT device_id FROM exchange_state').get() as { device_id: string }).device_id;
export const hashOf = (d: Device) => stateHash(dbOf(d));
export const bundlesIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.amparo-bundle'));

export const quick = (d: Device, given: string, family: string, extra: Record<string, unknown> = {}) =>
  d.core.call('intake.createQuick', {
    intake: { givenName: given, familyName: family, dob: '1990-03-07', phone: '555-123-4567', detained: false, ...extra },
  });
