/**
 * A clinic without a server: the lead's vault holds the clinic's keys and
 * signs a certificate for each device it approves. Joining takes two files
 * (a request from the new laptop, an acceptance back from the lead) and one
 * comparison of a short fingerprint read on both screens.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/connection';
import { newId } from '../context';
import {
  canonicalJson,
  fingerprint,
  newBoxPair,
  newSigningPair,
  newSymmetricKey,
  openSealed,
  sealTo,
  signBytes,
  verifyBytes,
  type KeyPair,
} from './crypto';
import { recordBaseline } from './changes';

export type Role = 'lead' | 'member' | 'field';

const b64 = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const isoInstant = z.string().max(40);

export const certSchema = z
  .object({
    v: z.literal(1),
    clinicId: uuid,
    deviceId: uuid,
    role: z.enum(['lead', 'member', 'field']),
    signPub: b64,
    boxPub: b64,
    issuedAt: isoInstant,
    expires: isoInstant.nullable(),
  })
  .strict();
export type Cert = z.infer<typeof certSchema>;
/** Anything the clinic signs travels as its content plus the signature over its canonical JSON. */
const signed = <T extends z.ZodTypeAny>(body: T) => z.object({ body, sig: b64 }).strict();
export const signedCert = signed(certSchema);
export type SignedCert = z.infer<typeof signedCert>;
export const revocationSchema = signed(z.object({ v: z.literal(1), clinicId: uuid, deviceId: uuid, revokedAt: isoInstant }).strict());
export type SignedRevocation = z.infer<typeof revocationSchema>;

const requestBody = z
  .object({ type: z.literal('amparo-join-request'), v: z.literal(1), deviceId: uuid, signPub: b64, boxPub: b64, createdAt: isoInstant })
  .strict();
const requestSchema = signed(requestBody);
export type JoinRequest = z.infer<typeof requestSchema>;

const acceptanceBody = z
  .object({
    type: z.literal('amparo-join-acceptance'),
    v: z.literal(1),
    clinicId: uuid,
    clinicSignPub: b64,
    clinicSealPub: b64,
    cert: signedCert,
    /** The keys this role gets, sealed to the device's X25519 key. */
    keys: z.string().max(100_000),
    devices: z.array(signedCert).max(10_000),
  })
  .strict();
const acceptanceSchema = signed(acceptanceBody);

/** What the sealed part of an acceptance holds: members get the data keys and the clinic's opening key; field devices nothing. */
const roleKeys = z
  .object({ dataKeys: z.array(z.object({ epoch: z.number().int().min(1), key: b64 }).strict()), sealPriv: b64.nullable() })
  .strict();

export function signWith(pair: KeyPair, body: unknown): string {
  return signBytes(pair, Buffer.from(canonicalJson(body))).toString('base64url');
}
export const verifySigned = (pub: string, s: { body: unknown; sig: string }): boolean =>
  verifyBytes(pub, Buffer.from(canonicalJson(s.body)), Buffer.from(s.sig, 'base64url'));

// ---- This device ----

interface SelfRow {
  device_keys: string;
  clinic_id: string | null;
  role: Role | null;
  clinic_sign_pub: string | null;
  clinic_sign_priv: string | null;
  clinic_seal_pub: string | null;
  clinic_seal_priv: string | null;
  cert: string | null;
  joined_at: string | null;
}
export interface DeviceKeys {
  sign: KeyPair;
  box: KeyPair;
}

export const deviceId = (db: DB): string => (db.prepare('SELECT device_id FROM exchange_state').get() as { device_id: string }).device_id;

/** This device's key pairs, made the first time they are needed and kept in the vault. */
export function deviceKeys(db: DB): DeviceKeys {
  const row = db.prepare('SELECT device_keys FROM clinic_self').get() as { device_keys: string } | undefined;
  if (row) return JSON.parse(row.device_keys) as DeviceKeys;
  const keys: DeviceKeys = { sign: newSigningPair(), box: newBoxPair() };
  db.prepare('INSERT INTO clinic_self(one, device_keys) VALUES (1, ?)').run(JSON.stringify(keys));
  return keys;
}

export interface Membership {
  clinicId: string;
  role: Role;
  deviceId: string;
  keys: DeviceKeys;
  clinicSignPub: string;
  clinicSignPriv: KeyPair | null;
  clinicSealPub: string;
  clinicSeal: KeyPair | null;
  cert: SignedCert;
}

export function membership(db: DB): Membership | null {
  const r = db.prepare('SELECT * FROM clinic_self').get() as SelfRow | undefined;
  if (!r || !r.clinic_id || !r.role) return null;
  const keys = JSON.parse(r.device_keys) as DeviceKeys;
  return {
    clinicId: r.clinic_id,
    role: r.role,
    deviceId: deviceId(db),
    keys,
    clinicSignPub: r.clinic_sign_pub!,
    clinicSignPriv: r.clinic_sign_priv ? { pub: r.clinic_sign_pub!, priv: r.clinic_sign_priv } : null,
    clinicSealPub: r.clinic_seal_pub!,
    clinicSeal: r.clinic_seal_priv ? { pub: r.clinic_seal_pub!, priv: r.clinic_seal_priv } : null,
    cert: JSON.parse(r.cert!) as SignedCert,
  };
}

export function requireMembership(db: DB): Membership {
  const m = membership(db);
  if (!m) throw new AppError('CLINIC_NONE', 'This vault is not part of a clinic yet. Set up a clinic or join one first.');
  return m;
}

function requireLead(db: DB): Membership & { clinicSignPriv: KeyPair } {
  const m = requireMembership(db);
  if (m.role !== 'lead' || !m.clinicSignPriv)
    throw new AppError('FORBIDDEN', 'Only the clinic lead’s vault can approve or revoke devices.');
  return m as Membership & { clinicSignPriv: KeyPair };
}

function refuseIfMember(db: DB): void {
  if (membership(db)) throw new AppError('CLINIC_EXISTS', 'This vault already belongs to a clinic.');
}

/** The key for the newest epoch (members and the lead); null on a field device. */
export function dataKeys(db: DB): Array<{ epoch: number; key: Buffer }> {
  return db.prepare('SELECT epoch, key FROM clinic_keys ORDER BY epoch').all() as Array<{ epoch: number; key: Buffer }>;
}

function storeDevice(db: DB, c: SignedCert, label: string | null = null): void {
  db.prepare(
    `INSERT INTO clinic_devices(device_id, role, sign_pub, box_pub, label, expires, cert) VALUES (@id, @role, @sp, @bp, @label, @exp, @cert)
     ON CONFLICT(device_id) DO UPDATE SET role = excluded.role, expires = excluded.expires, cert = excluded.cert, label = coalesce(excluded.label, label)`,
  ).run({
    id: c.body.deviceId,
    role: c.body.role,
    sp: c.body.signPub,
    bp: c.body.boxPub,
    label,
    exp: c.body.expires,
    cert: JSON.stringify(c),
  });
}

// ---- Clinic init ----

export interface ClinicInfo {
  clinicId: string;
  deviceId: string;
  role: Role;
  /** The clinic's fingerprint: the same digits on every device of the clinic. */
  fingerprint: string;
  /** This device's own fingerprint (what the lead compared when approving it). */
  deviceFingerprint: string;
}

export const clinicFingerprint = (clinicId: string, clinicSignPub: string) => fingerprint('clinic', clinicId, clinicSignPub);
export const deviceFingerprint = (deviceId: string, signPub: string, boxPub: string) => fingerprint('device', deviceId, signPub, boxPub);

export function clinicInfo(db: DB): ClinicInfo | null {
  const m = membership(db);
  if (!m) return null;
  return {
    clinicId: m.clinicId,
    deviceId: m.deviceId,
    role: m.role,
    fingerprint: clinicFingerprint(m.clinicId, m.clinicSignPub),
    deviceFingerprint: deviceFingerprint(m.deviceId, m.keys.sign.pub, m.keys.box.pub),
  };
}

/** Makes this vault the clinic's lead vault: clinic id, sealing pair, signing pair, first data key, its own certificate. */
export function initClinic(db: DB, now: string): ClinicInfo {
  return db.transaction(() => {
    refuseIfMember(db);
    const keys = deviceKeys(db);
    const clinicId = newId();
    const sign = newSigningPair();
    const seal = newBoxPair();
    const cert = issueCert(
      sign,
      { clinicId, deviceId: deviceId(db), role: 'lead', signPub: keys.sign.pub, boxPub: keys.box.pub, expires: null },
      now,
    );
    db.prepare(
      `UPDATE clinic_self SET clinic_id = ?, role = 'lead', clinic_sign_pub = ?, clinic_sign_priv = ?, clinic_seal_pub = ?, clinic_seal_priv = ?, cert = ?, joined_at = ?`,
    ).run(clinicId, sign.pub, sign.priv, seal.pub, seal.priv, JSON.stringify(cert), now);
    db.prepare('INSERT INTO clinic_keys(epoch, key, created_at) VALUES (1, ?, ?)').run(newSymmetricKey(), now);
    storeDevice(db, cert, 'lead');
    recordBaseline(db);
    return clinicInfo(db)!;
  })();
}

function issueCert(clinicSign: KeyPair, c: Omit<Cert, 'v' | 'issuedAt'>, now: string): SignedCert {
  const body: Cert = { v: 1, ...c, issuedAt: now };
  return { body, sig: signWith(clinicSign, body) };
}

// ---- Join request ----

export function makeJoinRequest(db: DB, now: string): { request: JoinRequest; fingerprint: string } {
  return db.transaction(() => {
    refuseIfMember(db);
    const keys = deviceKeys(db);
    const body = {
      type: 'amparo-join-request' as const,
      v: 1 as const,
      deviceId: deviceId(db),
      signPub: keys.sign.pub,
      boxPub: keys.box.pub,
      createdAt: now,
    };
    return { request: { body, sig: signWith(keys.sign, body) }, fingerprint: deviceFingerprint(body.deviceId, body.signPub, body.boxPub) };
  })();
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('JOIN_INVALID', `This ${what} is not a readable Amparo file. Ask for a new one.`);
  }
}

/** A request whose self-signature fails was changed after it was written. */
export function readJoinRequest(text: string): { request: JoinRequest; fingerprint: string } {
  const parsed = requestSchema.safeParse(parseJson(text, 'join request'));
  if (!parsed.success || !verifySigned(parsed.data.body.signPub, parsed.data)) {
    throw new AppError(
      'JOIN_INVALID',
      'This join request was changed after it was written, or is not a join request. Ask the device for a new one.',
    );
  }
  const b = parsed.data.body;
  return { request: parsed.data, fingerprint: deviceFingerprint(b.deviceId, b.signPub, b.boxPub) };
}

export const readFileText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', 'That file cannot be read. Check that it is still there.');
  }
};

const normalDigits = (s: string) => s.replace(/\D/g, '');

export function checkFingerprint(expected: string | undefined, actual: string): void {
  if (expected !== undefined && normalDigits(expected) !== normalDigits(actual)) {
    throw new AppError('FINGERPRINT_MISMATCH', 'The fingerprints do not match. Do not approve: the file may not come from that laptop.');
  }
}

// ---- Approval (lead) ----

export interface ApproveOptions {
  role: 'member' | 'field';
  expires?: string | null;
  label?: string | null;
  /** The digits read from the device's screen; approval is refused when they differ. */
  fingerprint?: string;
}

export function approveRequest(
  db: DB,
  requestText: string,
  opts: ApproveOptions,
  now: string,
): { acceptance: string; deviceId: string; fingerprint: string } {
  const lead = requireLead(db);
  const { request, fingerprint: fp } = readJoinRequest(requestText);
  checkFingerprint(opts.fingerprint, fp);
  const r = request.body;
  if (r.deviceId === lead.deviceId) throw new AppError('JOIN_INVALID', 'This join request is from this vault itself.');
  return db.transaction(() => {
    const cert = issueCert(
      lead.clinicSignPriv,
      {
        clinicId: lead.clinicId,
        deviceId: r.deviceId,
        role: opts.role,
        signPub: r.signPub,
        boxPub: r.boxPub,
        expires: opts.expires ?? null,
      },
      now,
    );
    storeDevice(db, cert, opts.label ?? null);
    db.prepare('UPDATE clinic_devices SET revoked_at = NULL, revocation = NULL WHERE device_id = ?').run(r.deviceId);
    const keys = {
      dataKeys: opts.role === 'member' ? dataKeys(db).map((k) => ({ epoch: k.epoch, key: k.key.toString('base64url') })) : [],
      sealPriv: opts.role === 'member' ? lead.clinicSeal!.priv : null,
    };
    const body = {
      type: 'amparo-join-acceptance' as const,
      v: 1 as const,
      clinicId: lead.clinicId,
      clinicSignPub: lead.clinicSignPub,
      clinicSealPub: lead.clinicSealPub,
      cert,
      keys: sealTo(r.boxPub, Buffer.from(JSON.stringify(keys))).toString('base64url'),
      devices: knownCerts(db),
    };
    const acceptance = JSON.stringify({ body, sig: signWith(lead.clinicSignPriv, body) });
    return { acceptance, deviceId: r.deviceId, fingerprint: fp };
  })();
}

export function knownCerts(db: DB): SignedCert[] {
  return (db.prepare('SELECT cert FROM clinic_devices ORDER BY device_id').all() as Array<{ cert: string }>).map(
    (r) => JSON.parse(r.cert) as SignedCert,
  );
}

// ---- Join (new device) ----

export function joinClinic(db: DB, acceptanceText: string, opts: { fingerprint?: string }, now: string): ClinicInfo {
  refuseIfMember(db);
  const mine = deviceKeys(db);
  const parsed = acceptanceSchema.safeParse(parseJson(acceptanceText, 'acceptance'));
  const tampered = () =>
    new AppError(
      'JOIN_INVALID',
      'This acceptance was changed after the lead wrote it, or is not for this vault. Ask the lead for a new one.',
    );
  if (!parsed.success) throw tampered();
  const a = parsed.data.body;
  if (!verifySigned(a.clinicSignPub, parsed.data) || !verifySigned(a.clinicSignPub, a.cert)) throw tampered();
  const c = a.cert.body;
  if (c.clinicId !== a.clinicId || c.deviceId !== deviceId(db) || c.signPub !== mine.sign.pub || c.boxPub !== mine.box.pub)
    throw tampered();
  checkFingerprint(opts.fingerprint, clinicFingerprint(a.clinicId, a.clinicSignPub));
  const opened = openSealed(mine.box, Buffer.from(a.keys, 'base64url'));
  const keys = opened ? roleKeys.safeParse(parseJson(opened.toString('utf8'), 'acceptance')) : null;
  if (!keys?.success) throw tampered();
  return db.transaction(() => {
    db.prepare(
      `UPDATE clinic_self SET clinic_id = ?, role = ?, clinic_sign_pub = ?, clinic_seal_pub = ?, clinic_seal_priv = ?, cert = ?, joined_at = ?`,
    ).run(a.clinicId, c.role, a.clinicSignPub, a.clinicSealPub, keys.data.sealPriv, JSON.stringify(a.cert), now);
    for (const k of keys.data.dataKeys) {
      db.prepare('INSERT OR IGNORE INTO clinic_keys(epoch, key, created_at) VALUES (?, ?, ?)').run(
        k.epoch,
        Buffer.from(k.key, 'base64url'),
        now,
      );
    }
    for (const d of a.devices) if (verifySigned(a.clinicSignPub, d) && d.body.clinicId === a.clinicId) storeDevice(db, d);
    storeDevice(db, a.cert);
    // A field device sends sealed intakes only: its own records never leave it as changes.
    if (c.role !== 'field') recordBaseline(db);
    return clinicInfo(db)!;
  })();
}

// ---- Devices and revocation ----

export interface DeviceView {
  deviceId: string;
  role: Role;
  label: string | null;
  expires: string | null;
  revokedAt: string | null;
  fingerprint: string;
  self: boolean;
}

export function listDevices(db: DB): DeviceView[] {
  requireMembership(db);
  const self = deviceId(db);
  return (db.prepare('SELECT * FROM clinic_devices ORDER BY role, device_id').all() as Array<Record<string, string | null>>).map((r) => ({
    deviceId: r.device_id!,
    role: r.role as Role,
    label: r.label ?? null,
    expires: r.expires ?? null,
    revokedAt: r.revoked_at ?? null,
    fingerprint: deviceFingerprint(r.device_id!, r.sign_pub!, r.box_pub!),
    self: r.device_id === self,
  }));
}

/**
 * Refuses the device's bundles from now on, here and (through the signed
 * revocation in this vault's next bundles) everywhere, and starts a new data
 * key epoch: the remaining members receive the new key sealed to them.
 */
export function revokeDevice(db: DB, id: string, now: string): DeviceView {
  const lead = requireLead(db);
  if (id === lead.deviceId) throw new AppError('INVALID_INPUT', 'The lead’s own vault cannot be revoked.');
  return db.transaction(() => {
    const found = db.prepare('SELECT 1 FROM clinic_devices WHERE device_id = ?').get(id);
    if (!found) throw new AppError('NOT_FOUND', 'That device is not part of this clinic.');
    const body = { v: 1 as const, clinicId: lead.clinicId, deviceId: id, revokedAt: now };
    const rev: SignedRevocation = { body, sig: signWith(lead.clinicSignPriv, body) };
    db.prepare('UPDATE clinic_devices SET revoked_at = ?, revocation = ? WHERE device_id = ?').run(now, JSON.stringify(rev), id);
    const next = ((db.prepare('SELECT max(epoch) AS e FROM clinic_keys').get() as { e: number | null }).e ?? 0) + 1;
    db.prepare('INSERT INTO clinic_keys(epoch, key, created_at) VALUES (?, ?, ?)').run(next, newSymmetricKey(), now);
    return listDevices(db).find((d) => d.deviceId === id)!;
  })();
}

export const roleKeysSchema = roleKeys;
