import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { approveRequest, joinClinic, makeJoinRequest, revokeDevice } from '../../../electron/core/exchange/clinic';
import { exportBundle, importBundleBytes } from '../../../electron/core/exchange/service';
import { clinicOf, dbOf, deviceIdOf, hashOf, newDevice, NOW, quick, receive, send, type Device } from './helpers';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
};

let c: Awaited<ReturnType<typeof clinicOf>>;
let lead: Device;
let member: Device;
let good: Buffer;
let before: string;

beforeAll(async () => {
  c = await clinicOf(1);
  [lead, member] = c.devices as [Device, Device];
  await quick(lead, 'Rosa', 'Quispe Mamani');
  good = readFileSync(send(c.root, lead, member).file);
  before = hashOf(member);
});
afterAll(() => c.cleanup());

/** Each refusal: its code, and the member's vault exactly as it was. */
function refused(bytes: Buffer): string {
  const code = codeOf(() => importBundleBytes(member.core.ctx(), bytes));
  expect(hashOf(member)).toBe(before);
  expect(dbOf(member).prepare('SELECT count(*) AS n FROM imported_bundles').get()).toEqual({ n: 0 });
  return code;
}

const flip = (b: Buffer, at: number) => {
  const x = Buffer.from(b);
  x[at] = x[at]! ^ 0x01;
  return x;
};

describe('a bundle that is not exactly as sent is refused, and nothing is applied', () => {
  it('a flipped byte anywhere in the header, the body or the signature', () => {
    const headerLen = good.readUInt32BE(10);
    const bodyStart = 14 + headerLen + 4;
    // Every header byte would take long; a spread of them, the whole body's ends and middle, and every signature byte's region.
    const positions = [
      0,
      9,
      12,
      20,
      14 + Math.floor(headerLen / 2),
      14 + headerLen - 2,
      bodyStart - 1,
      bodyStart,
      bodyStart + 20,
      good.length - 65,
      good.length - 64,
      good.length - 1,
    ];
    for (const at of positions)
      expect(['BUNDLE_DAMAGED', 'BUNDLE_BAD_SIGNATURE', 'BUNDLE_OTHER_CLINIC', 'BUNDLE_UNKNOWN_DEVICE', 'BUNDLE_FROM_FUTURE']).toContain(
        refused(flip(good, at)),
      );
    // A body byte and a signature byte are caught by the signature, not by luck of the JSON.
    expect(refused(flip(good, bodyStart + 20))).toBe('BUNDLE_BAD_SIGNATURE');
    expect(refused(flip(good, good.length - 1))).toBe('BUNDLE_BAD_SIGNATURE');
  });

  it('a truncated bundle', () => {
    for (const len of [0, 5, 13, 100, good.length - 1]) expect(refused(good.subarray(0, len))).toBe('BUNDLE_DAMAGED');
  });

  it('a future format version', () => {
    const x = Buffer.from(good);
    x.writeUInt16BE(2, 8);
    expect(refused(x)).toBe('BUNDLE_FROM_FUTURE');
  });

  it('a bundle from another clinic', async () => {
    const other = await clinicOf(0);
    try {
      await quick(other.lead, 'Ana', 'Other');
      const b = readFileSync(send(other.root, other.lead).file);
      expect(refused(b)).toBe('BUNDLE_OTHER_CLINIC');
    } finally {
      other.cleanup();
    }
  });

  it('then the untouched bundle applies, and importing it again is a no-op', () => {
    const s = importBundleBytes(member.core.ctx(), good);
    expect(s.changes).toBeGreaterThan(0);
    const after = hashOf(member);
    expect(after).toBe(hashOf(lead));
    expect(importBundleBytes(member.core.ctx(), good)).toMatchObject({ replays: 1, changes: 0 });
    expect(hashOf(member)).toBe(after);
    before = after;
  });
});

describe('devices the clinic does not (or no longer) trust', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('an unknown device (a certificate not signed by this clinic), an expired one and a revoked one are refused', async () => {
    const k = await clinicOf(2);
    cleanup = k.cleanup;
    const [l, a, b] = k.devices as [Device, Device, Device];
    // Expired: approved until yesterday.
    const late = await newDevice(k.root, 'late');
    const req = makeJoinRequest(dbOf(late), NOW);
    joinClinic(
      dbOf(late),
      approveRequest(
        dbOf(l),
        JSON.stringify(req.request),
        { role: 'member', expires: '2026-01-01T00:00:00.000Z', fingerprint: req.fingerprint },
        NOW,
      ).acceptance,
      {},
      NOW,
    );
    await quick(late, 'Late', 'Writer');
    const fromLate = readFileSync(send(k.root, late, a).file);
    expect(codeOf(() => importBundleBytes(a.core.ctx(), fromLate))).toBe('BUNDLE_DEVICE_EXPIRED');

    // Revoked: the lead revokes b; the lead refuses b's next bundle, and so does a once the lead's bundle told it.
    await quick(b, 'Beto', 'Revocado');
    const fromB = readFileSync(send(k.root, b, l).file);
    revokeDevice(dbOf(l), deviceIdOf(b), NOW);
    expect(codeOf(() => importBundleBytes(l.core.ctx(), fromB))).toBe('BUNDLE_DEVICE_REVOKED');
    receive(a, send(k.root, l, a).file);
    const fromB2 = readFileSync(send(k.root, b, a).file);
    expect(codeOf(() => importBundleBytes(a.core.ctx(), fromB2))).toBe('BUNDLE_DEVICE_REVOKED');
    // The new data key reached a: its next bundle uses an epoch b does not hold.
    expect(dbOf(a).prepare('SELECT max(epoch) AS e FROM clinic_keys').get()).toEqual({ e: 2 });
    const fromA = readFileSync(send(k.root, a, l).file);
    expect(fromA.toString('latin1')).toContain('"epoch":2');
    expect(importBundleBytes(l.core.ctx(), fromA).changes).toBeGreaterThanOrEqual(0);

    // Unknown: a device of another clinic whose bundle claims this clinic's id cannot carry a certificate this clinic signed.
    const other = await clinicOf(0);
    try {
      const forged = readFileSync(send(other.root, other.lead).file);
      const text = forged.toString('latin1');
      const otherId = JSON.parse(forged.subarray(14, 14 + forged.readUInt32BE(10)).toString()).clinicId as string;
      const myId = (dbOf(l).prepare('SELECT clinic_id FROM clinic_self').get() as { clinic_id: string }).clinic_id;
      const swapped = Buffer.from(text.split(otherId).join(myId), 'latin1');
      expect(codeOf(() => importBundleBytes(a.core.ctx(), swapped))).toBe('BUNDLE_UNKNOWN_DEVICE');
    } finally {
      other.cleanup();
    }
  });

  it('a tampered join request or acceptance, or a fingerprint that does not match, is refused', async () => {
    const k = await clinicOf(0);
    cleanup = k.cleanup;
    const d = await newDevice(k.root, 'new');
    const req = makeJoinRequest(dbOf(d), NOW);
    const text = JSON.stringify(req.request);
    const tampered = text.replace(
      req.request.body.boxPub,
      req.request.body.boxPub.slice(0, -2) + (req.request.body.boxPub.endsWith('A') ? 'BB' : 'AA'),
    );
    expect(codeOf(() => approveRequest(dbOf(k.lead), tampered, { role: 'member' }, NOW))).toBe('JOIN_INVALID');
    expect(
      codeOf(() => approveRequest(dbOf(k.lead), text, { role: 'member', fingerprint: '00000 00000 00000 00000 00000 00000' }, NOW)),
    ).toBe('FINGERPRINT_MISMATCH');
    expect(dbOf(k.lead).prepare('SELECT count(*) AS n FROM clinic_devices').get()).toEqual({ n: 1 });
    const acc = approveRequest(dbOf(k.lead), text, { role: 'member', fingerprint: req.fingerprint }, NOW).acceptance;
    const parsed = JSON.parse(acc) as { body: { cert: { body: { role: string } } } };
    parsed.body.cert.body.role = 'lead';
    expect(codeOf(() => joinClinic(dbOf(d), JSON.stringify(parsed), {}, NOW))).toBe('JOIN_INVALID');
    expect(codeOf(() => joinClinic(dbOf(d), acc, { fingerprint: '12345' }, NOW))).toBe('FINGERPRINT_MISMATCH');
    expect(dbOf(d).prepare('SELECT clinic_id FROM clinic_self').get()).toEqual({ clinic_id: null });
    // The genuine one joins; the same acceptance cannot be used by another vault.
    expect(joinClinic(dbOf(d), acc, {}, NOW).role).toBe('member');
    const thief = await newDevice(k.root, 'thief');
    expect(codeOf(() => joinClinic(dbOf(thief), acc, {}, NOW))).toBe('JOIN_INVALID');
    // And the bundle it exports is readable by the lead.
    await quick(d, 'Nuevo', 'Miembro');
    const b = exportBundle(dbOf(d), join(k.root), { now: NOW })!;
    expect(receive(k.lead, b.file).changes).toBe(b.changes);
  });
});
