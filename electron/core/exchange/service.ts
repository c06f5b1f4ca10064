/**
 * Export and import of bundles, and the field device's sealed intakes.
 * Import checks, in this order, before anything is written: the structure
 * and format version, the clinic, the sender's certificate (signed by the
 * clinic, not revoked, not expired), the signature, then decryption. Only
 * then does one transaction apply every new change, exactly once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/connection';
import { newId, type Ctx } from '../context';
import { writeFileAtomic } from '../files';
import { findCandidates } from '../intake/duplicates';
import { insertPerson } from '../intake/people';
import type { PersonData } from '../intake/records';
import type { CaseRecord } from '../../../shared/schemas/intake';
import type { Job } from '../jobs/job';
import { inTransaction } from '../jobs/runner';
import { openSealed, sealTo, sha256 } from './crypto';
import { BUNDLE_EXT, checkSignature, decryptBody, encodeBundle, parseBundle, type BundleBody, type ParsedBundle } from './bundle';
import { APPLY_STEP, applySteps, changesSince, runSteps, versionVector } from './changes';
import {
  dataKeys,
  knownCerts,
  requireMembership,
  revocationSchema,
  roleKeysSchema,
  verifySigned,
  type Membership,
  type SignedCert,
  type SignedRevocation,
} from './clinic';

export interface ExportResult {
  file: string;
  changes: number;
  sealedIntakes: number;
  devices: number;
}

function storedRevocations(db: DB): SignedRevocation[] {
  return (
    db.prepare('SELECT revocation FROM clinic_devices WHERE revocation IS NOT NULL ORDER BY device_id').all() as Array<{
      revocation: string;
    }>
  ).map((r) => JSON.parse(r.revocation) as SignedRevocation);
}

/** What the peers (every live member, or one of them) are known to hold: the lowest of them per device. */
function seenBy(db: DB, self: string, peer: string | undefined): Record<string, number> {
  const peers = peer
    ? [peer]
    : (
        db
          .prepare(`SELECT device_id FROM clinic_devices WHERE role IN ('lead', 'member') AND revoked_at IS NULL AND device_id <> ?`)
          .all(self) as Array<{ device_id: string }>
      ).map((r) => r.device_id);
  if (peers.length === 0) return {};
  const seen = db.prepare('SELECT device_id, seq FROM peer_seen WHERE peer = ?');
  let low: Record<string, number> | null = null;
  for (const p of peers) {
    const mine = Object.fromEntries((seen.all(p) as Array<{ device_id: string; seq: number }>).map((r) => [r.device_id, r.seq]));
    if (low === null) low = mine;
    else for (const d of Object.keys(low)) low[d] = Math.min(low[d]!, mine[d] ?? 0);
    for (const d of Object.keys(low)) if (mine[d] === undefined) low[d] = 0;
  }
  return low ?? {};
}

/** The newest data key sealed to every live member, so a key made at a revocation reaches all of them through any member. */
function sealedKeys(db: DB, self: string): Array<{ device: string; epoch: number; sealed: string }> {
  const keys = dataKeys(db);
  const newest = keys[keys.length - 1];
  if (!newest || newest.epoch === 1) return [];
  const members = db
    .prepare(`SELECT device_id, box_pub FROM clinic_devices WHERE role IN ('lead', 'member') AND revoked_at IS NULL AND device_id <> ?`)
    .all(self) as Array<{ device_id: string; box_pub: string }>;
  return members.map((m) => ({
    device: m.device_id,
    epoch: newest.epoch,
    sealed: sealTo(m.box_pub, newest.key).toString('base64url'),
  }));
}

export const bundleName = (from: string, bundleId: string) => `amparo-${from.slice(0, 8)}-${bundleId}${BUNDLE_EXT}`;

/** Writes one bundle into `dir` with the changes the peer (or every live member) lacks. */
export function exportBundle(db: DB, dir: string, opts: { peer?: string; now: string; skipEmpty?: boolean }): ExportResult | null {
  const m = requireMembership(db);
  const bundleId = newId();
  let body: BundleBody;
  let ranges: Record<string, [number, number]> = {};
  let key: { epoch: number; key: Buffer } | { clinicSealPub: string };
  let epoch: number;
  if (m.role === 'field') {
    const rows = db.prepare('SELECT id, sealed FROM sealed_intakes WHERE delivered = 0 ORDER BY id').all() as Array<{
      id: string;
      sealed: Buffer;
    }>;
    body = { changes: [], sealed: rows.map((r) => ({ id: r.id, sealed: r.sealed.toString('base64url') })) };
    key = { clinicSealPub: m.clinicSealPub };
    epoch = 0;
  } else {
    const since = changesSince(db, seenBy(db, m.deviceId, opts.peer));
    body = { changes: since.changes, sealed: [] };
    ranges = since.ranges;
    const keys = dataKeys(db);
    const newest = keys[keys.length - 1];
    if (!newest) throw new AppError('CLINIC_NONE', 'This vault holds no clinic data key. Join the clinic again.');
    key = newest;
    epoch = newest.epoch;
  }
  if (opts.skipEmpty && body.changes.length === 0 && body.sealed.length === 0) return null;
  const header = {
    bundleId,
    clinicId: m.clinicId,
    from: m.deviceId,
    cert: m.cert,
    epoch,
    ranges,
    have: m.role === 'field' ? {} : versionVector(db),
    count: body.changes.length,
    sealedIntakes: body.sealed.length,
    certs: knownCerts(db),
    revocations: storedRevocations(db),
    keys: m.role === 'field' ? [] : sealedKeys(db, m.deviceId),
    createdAt: opts.now,
  };
  const bytes = encodeBundle(header, body, { sign: m.keys.sign }, key);
  const file = join(resolve(dir), bundleName(m.deviceId, bundleId));
  writeFileAtomic(file, bytes, { overwrite: false });
  if (m.role === 'field' && body.sealed.length > 0) {
    const mark = db.prepare('UPDATE sealed_intakes SET delivered = 1 WHERE id = ?');
    db.transaction(() => body.sealed.forEach((s) => mark.run(s.id)))();
  }
  return { file, changes: body.changes.length, sealedIntakes: body.sealed.length, devices: Object.keys(ranges).length };
}

// ---- Import ----

export interface ImportSummary {
  files: number;
  /** Bundles already imported before (or this vault's own): nothing to do. */
  replays: number;
  changes: number;
  devices: number;
  conflicts: number;
  duplicates: number;
  intakes: number;
}

const emptySummary = (): ImportSummary => ({ files: 0, replays: 0, changes: 0, devices: 0, conflicts: 0, duplicates: 0, intakes: 0 });

function readBundleFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('NOT_FOUND', 'That bundle file cannot be read. Check that it is still there.');
  }
}

interface Checked {
  parsed: ParsedBundle;
  body: BundleBody;
  certs: SignedCert[];
  revocations: SignedRevocation[];
  newKeys: Array<{ epoch: number; key: Buffer }>;
}

/** Every check, in the order; throws a coded error and writes nothing. Null for a replay or this vault's own bundle. */
export function checkBundle(db: DB, m: Membership, bytes: Buffer, now: string): Checked | null {
  const parsed = parseBundle(bytes);
  const h = parsed.header;
  if (h.clinicId !== m.clinicId) throw new AppError('BUNDLE_OTHER_CLINIC', 'This bundle comes from another clinic. Nothing was applied.');
  const certOk = verifySigned(m.clinicSignPub, h.cert) && h.cert.body.clinicId === m.clinicId && h.cert.body.deviceId === h.from;
  if (!certOk)
    throw new AppError('BUNDLE_UNKNOWN_DEVICE', 'This bundle comes from a device the clinic never approved. Nothing was applied.');
  const revocations = h.revocations.filter(
    (r) => revocationSchema.safeParse(r).success && r.body.clinicId === m.clinicId && verifySigned(m.clinicSignPub, r),
  );
  const revokedHere = db.prepare('SELECT 1 FROM clinic_devices WHERE device_id = ? AND revoked_at IS NOT NULL').get(h.from);
  if (revokedHere || revocations.some((r) => r.body.deviceId === h.from)) {
    throw new AppError('BUNDLE_DEVICE_REVOKED', 'This bundle comes from a device the clinic revoked. Nothing was applied.');
  }
  if (h.cert.body.expires !== null && h.cert.body.expires < now) {
    throw new AppError('BUNDLE_DEVICE_EXPIRED', 'This bundle comes from a device whose approval has expired. Nothing was applied.');
  }
  checkSignature(parsed, h.cert.body.signPub);
  if (h.from === m.deviceId || db.prepare('SELECT 1 FROM imported_bundles WHERE bundle_id = ?').get(h.bundleId)) return null;
  const held = new Map(dataKeys(db).map((k) => [k.epoch, k.key]));
  const newKeys: Checked['newKeys'] = [];
  for (const k of h.keys) {
    if (k.device !== m.deviceId || held.has(k.epoch)) continue;
    const opened = openSealed(m.keys.box, Buffer.from(k.sealed, 'base64url'));
    if (opened && opened.length === 32) {
      held.set(k.epoch, opened);
      newKeys.push({ epoch: k.epoch, key: opened });
    }
  }
  if (h.epoch === 0 && !m.clinicSeal)
    throw new AppError('BUNDLE_UNREADABLE', 'Only a member device can open field intakes. Nothing was applied.');
  const body = decryptBody(parsed, (e) => held.get(e) ?? null, m.clinicSeal);
  const certs = h.certs.filter((c) => c.body.clinicId === m.clinicId && verifySigned(m.clinicSignPub, c));
  return { parsed, body, certs, revocations, newKeys };
}

const intakePayload = (text: string) => JSON.parse(text) as { data: PersonData; cases: CaseRecord[] };

/** Same pair, same id on every device: two devices that both flag a pair write one row, not two. */
function pairDecisionId(a: string, b: string): string {
  const h = sha256(`duplicate-review:${[a, b].sort().join(':')}`).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A person from another device who looks like someone on file goes to the duplicate review queue, never merged. */
function queueDuplicates(ctx: Ctx, ids: readonly string[]): number {
  let n = 0;
  const decided = ctx.db.prepare(
    'SELECT 1 FROM duplicate_decisions WHERE (person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?)',
  );
  const queue = ctx.db.prepare(
    `INSERT OR IGNORE INTO duplicate_decisions(id, person_id, other_id, decision, decided_at, decided_by) VALUES (?, ?, ?, 'needs-review', ?, 'exchange')`,
  );
  for (const id of ids) {
    const p = ctx.db.prepare('SELECT given_name, family_name, dob, a_number, merged_into FROM people WHERE id = ?').get(id) as
      { given_name: string; family_name: string; dob: string | null; a_number: string | null; merged_into: string | null } | undefined;
    if (!p || p.merged_into) continue;
    for (const c of findCandidates(
      ctx,
      { given: p.given_name, family: p.family_name, dob: p.dob, aNumber: p.a_number },
      { excludeId: id },
    )) {
      if (decided.get(id, c.id, c.id, id)) continue;
      const [a, b] = [id, c.id].sort() as [string, string];
      if (queue.run(pairDecisionId(a, b), a, b, ctx.now()).changes > 0) n++;
    }
  }
  return n;
}

/** Local people whose creation the sender had not received (by its version vector) when it wrote the bundle. */
function peopleUnseenBy(db: DB, have: Record<string, number>): string[] {
  return (
    db
      .prepare(
        `SELECT c.row_id AS id FROM changes c JOIN people p ON p.id = c.row_id
         WHERE c.entity = 'people' AND c.op = 'insert' AND p.merged_into IS NULL
           AND c.seq > coalesce((SELECT value FROM json_each(?) WHERE key = c.device_id), 0)`,
      )
      .all(JSON.stringify(have)) as Array<{ id: string }>
  ).map((r) => r.id);
}

/**
 * Applies one checked bundle, in steps: yields the fraction done (0..1) at
 * each checkpoint of the apply. It runs inside the caller's transaction (or
 * savepoint) and commits nothing itself, so stopping between two steps and
 * rolling back leaves nothing of the bundle behind.
 */
function* applyChecked(ctx: Ctx, m: Membership, c: Checked): Generator<number, ImportSummary> {
  const db = ctx.db;
  const s = emptySummary();
  {
    db.prepare('UPDATE exchange_state SET applying = 1').run();
    for (const k of c.newKeys)
      db.prepare('INSERT OR IGNORE INTO clinic_keys(epoch, key, created_at) VALUES (?, ?, ?)').run(k.epoch, k.key, ctx.now());
    const storeCert = db.prepare(
      `INSERT INTO clinic_devices(device_id, role, sign_pub, box_pub, expires, cert) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET expires = excluded.expires, cert = excluded.cert, role = excluded.role
       WHERE json_extract(excluded.cert, '$.body.issuedAt') > json_extract(clinic_devices.cert, '$.body.issuedAt')`,
    );
    for (const cert of c.certs)
      storeCert.run(cert.body.deviceId, cert.body.role, cert.body.signPub, cert.body.boxPub, cert.body.expires, JSON.stringify(cert));
    const revoke = db.prepare('UPDATE clinic_devices SET revoked_at = ?, revocation = ? WHERE device_id = ? AND revoked_at IS NULL');
    for (const r of c.revocations) revoke.run(r.body.revokedAt, JSON.stringify(r), r.body.deviceId);
    const h = c.parsed.header;
    const seen = db.prepare(
      'INSERT INTO peer_seen(peer, device_id, seq) VALUES (?, ?, ?) ON CONFLICT(peer, device_id) DO UPDATE SET seq = max(seq, excluded.seq)',
    );
    for (const [d, seq] of Object.entries(h.have)) seen.run(h.from, d, seq);
    const unseen = peopleUnseenBy(db, h.have);
    // The sealed intakes count as one change each: opening and saving one costs about as much.
    const units = Math.max(1, c.body.changes.length + c.body.sealed.length);
    const steps = applySteps(db, c.body.changes, ctx.now());
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield step.value / units;
    const applied = step.value;
    db.prepare('UPDATE exchange_state SET applying = 0').run();
    // Sealed field intakes become this member's own records (recorded, so they travel on to the other members).
    // The sender's own gate (or an earlier import there) already compared everyone it held; only the
    // people it had not seen can pair with what it sent. Each is probed once, finding the newcomers.
    const fresh: string[] = applied.newPeople.length > 0 ? unseen : [];
    const received = db.prepare('INSERT OR IGNORE INTO sealed_intakes(id, sealed, created_at, delivered) VALUES (?, ?, ?, 2)');
    for (const si of c.body.sealed) {
      if (received.run(si.id, Buffer.alloc(0), ctx.now()).changes === 0) continue;
      const opened = openSealed(m.clinicSeal!, Buffer.from(si.sealed, 'base64url'));
      if (!opened)
        throw new AppError(
          'BUNDLE_UNREADABLE',
          'A field intake in this bundle cannot be opened with this clinic’s key. Nothing was applied.',
        );
      fresh.push(insertPerson(ctx, intakePayload(opened.toString('utf8'))));
      s.intakes++;
      if (s.intakes % APPLY_STEP === 0) yield (c.body.changes.length + s.intakes) / units;
    }
    s.duplicates = queueDuplicates(ctx, fresh);
    db.prepare('INSERT INTO imported_bundles(bundle_id, from_device, imported_at, applied) VALUES (?, ?, ?, ?)').run(
      h.bundleId,
      h.from,
      ctx.now(),
      applied.applied,
    );
    s.changes = applied.applied;
    s.devices = applied.devices.length;
    s.conflicts = applied.conflicts;
  }
  s.files = 1;
  return s;
}

/** Every check of one bundle (nothing written), then its apply in steps; a replay or this vault's own bundle applies nothing. */
function* bundleSteps(ctx: Ctx, bytes: Buffer): Generator<number, ImportSummary> {
  const m = requireMembership(ctx.db);
  if (m.role === 'field') throw new AppError('FORBIDDEN', 'A field device only sends sealed intakes; it does not import bundles.');
  const checked = checkBundle(ctx.db, m, bytes, ctx.now());
  if (!checked) return { ...emptySummary(), files: 1, replays: 1 };
  return yield* applyChecked(ctx, m, checked);
}

/** One bundle in one transaction (a savepoint inside the caller's), all at once. */
export function importBundleBytes(ctx: Ctx, bytes: Buffer): ImportSummary {
  return ctx.db.transaction(() => runSteps(bundleSteps(ctx, bytes)))();
}

/**
 * One bundle inside the job's open transaction, in a savepoint of its own:
 * at each step the job reports how far into the bundle it is and takes a
 * cancel. Anything thrown (a cancel, a refusal found while applying) rolls
 * the savepoint back, so nothing of this bundle stays half-applied; a cancel
 * then rolls back the job's whole transaction too.
 */
async function importBundleBytesInSteps(ctx: Ctx, bytes: Buffer, job: Job): Promise<ImportSummary> {
  const db = ctx.db;
  db.exec('SAVEPOINT exchange_bundle');
  try {
    const steps = bundleSteps(ctx, bytes);
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      job.partial(step.value);
      await job.yield();
    }
    db.exec('RELEASE exchange_bundle');
    return step.value;
  } catch (e) {
    // A lock closes the connection, and SQLite has rolled everything back itself.
    if (db.open && db.inTransaction) db.exec('ROLLBACK TO exchange_bundle; RELEASE exchange_bundle');
    throw e;
  }
}

/** The bundle files named (a folder stands for every bundle directly inside it). */
export function bundleFilesIn(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir: boolean;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      throw new AppError('NOT_FOUND', 'That bundle file or folder cannot be found.');
    }
    if (!dir) out.push(resolve(p));
    else for (const n of readdirSync(p).sort()) if (n.endsWith(BUNDLE_EXT) && !n.startsWith('.')) out.push(resolve(p, n));
  }
  return out;
}

const add = (a: ImportSummary, b: ImportSummary): ImportSummary => ({
  files: a.files + b.files,
  replays: a.replays + b.replays,
  changes: a.changes + b.changes,
  devices: a.devices + b.devices,
  conflicts: a.conflicts + b.conflicts,
  duplicates: a.duplicates + b.duplicates,
  intakes: a.intakes + b.intakes,
});

/**
 * Imports every file, each in its own transaction: one refused bundle
 * (damaged, revoked) stops nothing else. `strict` (the CLI) throws the first
 * refusal after the others were tried; otherwise refusals are counted.
 */
export function importBundles(ctx: Ctx, paths: readonly string[], opts: { job?: Job; strict?: boolean } = {}): ImportResult {
  const files = bundleFilesIn(paths);
  const tally = importTally();
  files.forEach((f, i) => {
    opts.job?.progress('import', i, files.length);
    tally.importFile(ctx, f);
  });
  opts.job?.progress('import', files.length, files.length);
  if (opts.strict && tally.firstRefusal) throw tally.firstRefusal;
  return tally.result();
}

type ImportResult = ImportSummary & { refused: Array<{ file: string; code: string }> };

/**
 * One bundle file after another, summed: the step both the plain import and
 * the job share. A refused bundle (AppError other than a cancel) is counted
 * and skipped; its checks run before it writes anything.
 */
function importTally() {
  let total = emptySummary();
  const refused: Array<{ file: string; code: string }> = [];
  const devices = new Set<string>();
  let firstRefusal: AppError | null = null;
  const tally = {
    added(bytes: Buffer, s: ImportSummary): void {
      total = add(total, s);
      if (s.changes > 0) for (const d of Object.keys(parseBundle(bytes).header.ranges)) devices.add(d);
    },
    refuse(file: string, e: unknown): void {
      if (!(e instanceof AppError) || e.code === 'CANCELLED') throw e;
      refused.push({ file, code: e.code });
      firstRefusal ??= e;
    },
    importFile(ctx: Ctx, file: string): void {
      try {
        const bytes = readBundleFile(file);
        tally.added(bytes, importBundleBytes(ctx, bytes));
      } catch (e) {
        tally.refuse(file, e);
      }
    },
    /** The same, in steps inside the job's transaction: progress and a cancel reach into the bundle. */
    async importFileInSteps(ctx: Ctx, file: string, job: Job): Promise<void> {
      try {
        const bytes = readBundleFile(file);
        tally.added(bytes, await importBundleBytesInSteps(ctx, bytes, job));
      } catch (e) {
        tally.refuse(file, e);
      }
    },
    get firstRefusal() {
      return firstRefusal;
    },
    result: (): ImportResult => ({ ...total, devices: devices.size, refused }),
  };
  return tally;
}

export const IMPORT_CANCELLED = 'The import was cancelled. Nothing from these bundles was applied.';

/**
 * The import as a job (Settings → "Import changes"): every bundle in one
 * transaction held open across yields, so progress and a cancel get through
 * between bundles and every APPLY_STEP changes inside one (each bundle in a
 * savepoint of its own), and a cancel rolls all of them back. The runner keeps every
 * other operation out meanwhile (an exclusive job). A refused bundle is
 * counted and skipped, as in importBundles: its checks run before it writes.
 */
export async function importBundlesJob(ctx: Ctx, paths: readonly string[], job: Job): Promise<ImportResult> {
  const files = bundleFilesIn(paths);
  return inTransaction(ctx.db, async () => {
    const tally = importTally();
    for (const [i, f] of files.entries()) {
      job.progress('import', i, files.length);
      await job.yield();
      await tally.importFileInSteps(ctx, f, job);
    }
    job.progress('import', files.length, files.length);
    // The last checkpoint: a cancel that arrived during the last bundle still rolls everything back.
    await job.yield();
    return tally.result();
  });
}

// ---- Field devices ----

/** Counts only: a field device never shows (or returns) a name. */
export function fieldCounts(db: DB): { sealed: number; undelivered: number } {
  const r = db.prepare('SELECT count(*) AS sealed, coalesce(sum(delivered = 0), 0) AS undelivered FROM sealed_intakes').get() as {
    sealed: number;
    undelivered: number;
  };
  return r;
}

export const roleKeys = roleKeysSchema;
