/**
 * TPS deadlines: people whose record names a TPS country get that country's
 * dates from the active dataset as deadlines (source 'tps').
 *
 * - The active dataset is the shipped file in resources/tps/ or the newest
 *   imported one (kept in the vault, `tps_datasets`), whichever has the later
 *   as-of date. An import older than the active dataset is refused.
 * - Dates the dataset reports: re-registration close, EAD auto-extension end
 *   and designation end. A date already past on the dataset's as-of date is
 *   history, not a deadline, and is not created.
 * - People with TPS status 'denied' get none.
 * - A TPS deadline follows its dataset entry by `tps_ref` ('SV:ead-auto-extension'):
 *   a new dataset updates the row in place. When the date moves on a row
 *   marked done it is reopened (a new re-registration period or a new EAD
 *   end is new work) and flagged 'changed-after-done'. Overrides are kept and
 *   flagged 'override-stale' when the date under them moves.
 * - The trail of a TPS deadline is the same for everyone with that country:
 *   it is stored once (tps_texts) and the row keeps its fingerprint (sig).
 * - The people service knows nothing of this: a trigger queues people whose
 *   TPS country or status changed (tps_dirty). The core catches up after
 *   each write (`catchUpDirty`, or the 'tps.reconcile' job for a large
 *   queue) and runs the job after unlock and after a dataset import
 *   (tps-job.ts). Reads never write: a docket, an .ics export or reminders
 *   show what is stored.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { showEn, showEs } from '../../../shared/deadlines/trail';
import type { Localized } from '../../../shared/deadlines';
import {
  parseTpsDataset,
  tpsDeadlinesFor,
  datasetAgeDays,
  STALE_AFTER_DAYS,
  TPS_REREGISTRATION_RULE,
  type TpsCountry,
  type TpsDataset,
  type TpsDeadline,
} from '../../../shared/tps';
import type { DeadlineViewFlag, TpsDeadlineChange, TpsImportPreview, TpsStatusView } from '../../../shared/views';
import { newId, type Ctx } from '../context';
import { parseDatasetFile, refuseOlderDataset } from '../dataset-file';
import { audit } from '../audit';
import { parseFlags, personName } from './rows';

const APPLIED_KEY = 'tps.applied';
/** Negative: KiB (SQLite's convention). */
const BULK_CACHE_KIB = -131072;
const KINDS = new Set(['re-registration-open', 're-registration-close', 'ead-auto-extension', 'designation-end']);
/** The window's two dates carry the rule id `tps-reregistration`, so the docket and the CLI name the rule. */
const RULE_OF_KIND: Record<string, string> = {
  're-registration-open': TPS_REREGISTRATION_RULE,
  're-registration-close': TPS_REREGISTRATION_RULE,
};
export const NO_CITATION = 'No citation on file (no Federal Register notice in the TPS dataset): verify';

export interface Active {
  key: string;
  dataset: TpsDataset;
  source: 'shipped' | 'imported';
  importedAt: string | null;
  importedBy: string | null;
}

let shippedCache: { dir: string; dataset: TpsDataset } | null = null;
const importedCache = new Map<string, TpsDataset>();

export function defaultTpsDir(): string {
  return fileURLToPath(new URL('../../../resources/tps/', import.meta.url));
}

/** The shipped dataset with the latest as-of date among resources/tps/*.json. */
export function shippedDataset(dir = defaultTpsDir()): TpsDataset {
  if (shippedCache?.dir === dir) return shippedCache.dataset;
  const files = readdirSync(dir).filter((f) => /^tps-.*\.json$/.test(f));
  const sets = files.map((f) => parseTpsDataset(JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown));
  const best = sets.sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
  if (!best) throw new AppError('NOT_FOUND', 'No TPS dataset ships with this build.');
  shippedCache = { dir, dataset: best };
  return best;
}

export function activeDataset(ctx: Ctx): Active {
  const shipped = shippedDataset();
  const row = ctx.db.prepare('SELECT id, as_of, imported_at, imported_by FROM tps_datasets ORDER BY as_of DESC, id DESC LIMIT 1').get() as
    { id: string; as_of: string; imported_at: string; imported_by: string } | undefined;
  if (!row || row.as_of < shipped.asOf)
    return { key: `shipped:${shipped.asOf}`, dataset: shipped, source: 'shipped', importedAt: null, importedBy: null };
  let dataset = importedCache.get(row.id);
  if (!dataset) {
    const { data } = ctx.db.prepare('SELECT data FROM tps_datasets WHERE id = ?').get(row.id) as { data: string };
    dataset = parseTpsDataset(JSON.parse(data) as unknown);
    importedCache.set(row.id, dataset);
  }
  return { key: `import:${row.id}`, dataset, source: 'imported', importedAt: row.imported_at, importedBy: row.imported_by };
}

// ---- What a dataset wants for one country ----

interface Wanted {
  ref: string;
  country: string;
  kind: string;
  ruleId: string | null;
  date: string;
  label: string;
  trail: string;
  citation: string;
  verify: number;
  sig: string;
}

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Country text as typed in intake ('SV', 'El Salvador', 'haiti') to dataset entries. */
export function countryIndex(dataset: TpsDataset): Map<string, TpsCountry[]> {
  const index = new Map<string, TpsCountry[]>();
  const put = (key: string, c: TpsCountry) => {
    const k = fold(key);
    if (!k) return;
    const list = index.get(k) ?? [];
    if (!list.includes(c)) list.push(c);
    index.set(k, list);
  };
  for (const c of dataset.countries) {
    put(c.country, c);
    put(c.country.split('-')[0]!, c);
    for (const name of [c.name.en, c.name.es]) {
      put(name, c);
      put(name.replace(/\s*\(.*\)\s*$/, ''), c);
    }
  }
  return index;
}

function kindLine(d: TpsDeadline, entry: TpsCountry): Localized {
  switch (d.kind) {
    case 're-registration-open':
      return {
        en: `Re-registration period: ${entry.reRegistration?.start} to ${entry.reRegistration?.end}; it opens on ${showEn(d.date)}. Applications sent before it opens are rejected.`,
        es: `Periodo de reinscripción: del ${entry.reRegistration?.start} al ${entry.reRegistration?.end}; abre el ${showEs(d.date)}. Las solicitudes enviadas antes de que abra se rechazan.`,
      };
    case 're-registration-close':
      return {
        en: `Re-registration period: ${entry.reRegistration?.start} to ${entry.reRegistration?.end}; it closes on ${showEn(d.date)}.`,
        es: `Periodo de reinscripción: del ${entry.reRegistration?.start} al ${entry.reRegistration?.end}; cierra el ${showEs(d.date)}.`,
      };
    case 'ead-auto-extension':
      return {
        en: `Work permits (EAD) of TPS holders are automatically extended to ${showEn(d.date)}.`,
        es: `Los permisos de trabajo (EAD) de los beneficiarios de TPS se extienden automáticamente hasta el ${showEs(d.date)}.`,
      };
    case 'designation-end':
      return {
        en: `The TPS designation ends on ${showEn(d.date)} unless it is extended.`,
        es: `La designación de TPS termina el ${showEs(d.date)} salvo que se extienda.`,
      };
  }
}

function wantedFor(entry: TpsCountry, dataset: TpsDataset): Wanted[] {
  // Computed as of the dataset's own date, so the text is the same whatever day it runs.
  const report = tpsDeadlinesFor(entry.country, dataset, dataset.asOf);
  const citation = entry.citation ?? NO_CITATION;
  return report.deadlines
    .filter((d) => KINDS.has(d.kind) && d.date >= dataset.asOf)
    .map((d) => {
      const lines: Localized[] = [
        {
          en: `TPS country on file: ${entry.name.en} (${entry.country}).`,
          es: `País de TPS registrado: ${entry.name.es} (${entry.country}).`,
        },
        // Where the designation stands, its citation and the dataset's as-of date (and "verify" when the entry says so).
        report.notice,
        kindLine(d, entry),
        ...(entry.citation === null
          ? [
              {
                en: 'No citation on file: the dataset has no Federal Register notice for this entry. Verify the dates on uscis.gov/tps before advising.',
                es: 'Sin cita registrada: los datos no tienen aviso del Federal Register para esta entrada. Verifique las fechas en uscis.gov/tps antes de asesorar.',
              },
            ]
          : []),
        d.kind === 're-registration-open'
          ? { en: `Window opens: ${showEn(d.date)}.`, es: `Se abre el periodo: ${showEs(d.date)}.` }
          : { en: `Due: ${showEn(d.date)}.`, es: `Fecha límite: ${showEs(d.date)}.` },
      ];
      const label = JSON.stringify({ en: `${d.label.en} (TPS ${entry.name.en})`, es: `${d.label.es} (TPS ${entry.name.es})` });
      const trail = JSON.stringify({ en: lines.map((l) => l.en), es: lines.map((l) => l.es) });
      const verify = entry.verify || entry.citation === null ? 1 : 0;
      const ruleId = RULE_OF_KIND[d.kind] ?? null;
      const sig = createHash('sha256')
        .update(JSON.stringify([label, trail, citation, verify, ruleId]))
        .digest('base64url')
        .slice(0, 22);
      return {
        ref: `${entry.country}:${d.kind}`,
        country: entry.country,
        kind: d.kind,
        ruleId,
        date: d.date,
        label,
        trail,
        citation,
        verify,
        sig,
      };
    });
}

class Wants {
  private readonly index: Map<string, TpsCountry[]>;
  private readonly byText = new Map<string, Wanted[]>();
  constructor(private readonly dataset: TpsDataset) {
    this.index = countryIndex(dataset);
  }
  /** Every text handed out, so its trail can be stored once. */
  readonly used = new Map<string, string>();
  for(countryText: string | null, tpsStatus: string | null): Wanted[] {
    if (!countryText || tpsStatus === 'denied') return [];
    const key = fold(countryText);
    let list = this.byText.get(key);
    if (!list) {
      list = (this.index.get(key) ?? []).flatMap((e) => wantedFor(e, this.dataset));
      this.byText.set(key, list);
      for (const w of list) this.used.set(w.sig, w.trail);
    }
    return list;
  }
}

// ---- Reconciling stored rows with a dataset ----

interface PersonTps {
  id: string;
  given_name: string;
  family_name: string;
  detained: number;
  assigned_to: string | null;
  country: string | null;
  tps_status: string | null;
}

interface TpsRow {
  id: string;
  person_id: string;
  tps_ref: string;
  computed_due: string;
  sig: string | null;
  flags: string;
  status: 'open' | 'done';
  done_at: string | null;
  done_by: string | null;
  override_due: string | null;
  override_base: string | null;
  person_name: string;
  detained: number;
  assignee: string | null;
}

interface Outcome {
  created: number;
  updated: number;
  removed: number;
  people: Map<string, TpsDeadlineChange[]>;
}

const PEOPLE_SQL = `SELECT id, given_name, family_name, detained, assigned_to, json_extract(data, '$.history.tpsCountry') AS country, json_extract(data, '$.history.tpsStatus') AS tps_status
  FROM people WHERE merged_into IS NULL`;
// Texts are not read back: the fingerprint says whether they changed.
const ROW_COLS = `id, person_id, tps_ref, computed_due, sig, flags, status, done_at, done_by, override_due, override_base, person_name, detained, assignee`;

/**
 * Who a reconcile looks at: everyone, the queue of changed people (its first
 * `limit`, in id order), or the people with ids in (after, upTo] (a page of
 * the background job).
 */
export type Scope = { kind: 'all' } | { kind: 'dirty'; limit: number } | { kind: 'range'; after: string; upTo: string };

function scopeSql(scope: Scope, column: string): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: '', params: [] };
    case 'dirty':
      return { sql: ` AND ${column} IN (SELECT person_id FROM tps_dirty ORDER BY person_id LIMIT ?)`, params: [scope.limit] };
    case 'range':
      return { sql: ` AND ${column} > ? AND ${column} <= ?`, params: [scope.after, scope.upTo] };
  }
}

/**
 * Compares each person's stored TPS deadlines with what `dataset` wants and,
 * unless `dryRun`, writes the difference, for the people in `scope`.
 */
function reconcile(ctx: Ctx, dataset: TpsDataset, scope: Scope, dryRun: boolean): Outcome {
  const who = scopeSql(scope, 'id');
  const withCountry = scope.kind === 'dirty' ? '' : " AND json_extract(data, '$.history.tpsCountry') IS NOT NULL";
  const people = ctx.db.prepare(PEOPLE_SQL + withCountry + who.sql).all(...who.params) as PersonTps[];
  const whose = scopeSql(scope, 'person_id');
  const rows = ctx.db.prepare(`SELECT ${ROW_COLS} FROM deadlines WHERE tps_ref IS NOT NULL${whose.sql}`).all(...whose.params) as TpsRow[];
  const stored = new Map<string, TpsRow[]>();
  for (const r of rows) {
    const list = stored.get(r.person_id);
    if (list) list.push(r);
    else stored.set(r.person_id, [r]);
  }
  const wants = new Wants(dataset);
  const out: Outcome = { created: 0, updated: 0, removed: 0, people: new Map() };
  const now = ctx.now();
  const ins = ctx.db.prepare(
    `INSERT INTO deadlines(id, person_id, case_id, event_id, rule_id, tps_ref, source, label, due, computed_due, trail, citation, note, verify, flags, status,
       person_name, detained, assignee, case_type, sig, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, NULL, NULL, ?, ?, 'tps', ?, ?, ?, ?, ?, NULL, ?, '[]', 'open', ?, ?, ?, 'tps', ?, 1, ?, ?, ?, ?)`,
  );
  const upd = ctx.db.prepare(
    `UPDATE deadlines SET rule_id = ?, label = ?, computed_due = ?, due = coalesce(override_due, ?), trail = ?, citation = ?, verify = ?, sig = ?, flags = ?,
       status = ?, done_at = ?, done_by = ?, person_name = ?, detained = ?, assignee = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  );
  const del = ctx.db.prepare('DELETE FROM deadlines WHERE id = ?');
  const note = (personId: string, change: TpsDeadlineChange) => {
    const list = out.people.get(personId);
    if (list) list.push(change);
    else out.people.set(personId, [change]);
  };

  const seen = new Set<string>();
  const visit = (personId: string, p: PersonTps | null) => {
    seen.add(personId);
    const want = p ? wants.for(p.country, p.tps_status) : [];
    const name = p ? personName(p.given_name, p.family_name) : '';
    const have = new Map((stored.get(personId) ?? []).map((r) => [r.tps_ref, r]));
    for (const w of want) {
      const r = have.get(w.ref);
      have.delete(w.ref);
      if (!r) {
        note(personId, { country: w.country, kind: w.kind, before: null, after: w.date });
        out.created += 1;
        if (!dryRun)
          ins.run(
            newId(),
            personId,
            w.ruleId,
            w.ref,
            w.label,
            w.date,
            w.date,
            '',
            w.citation,
            w.verify,
            name,
            p!.detained,
            p!.assigned_to,
            w.sig,
            now,
            ctx.actor,
            now,
            ctx.actor,
          );
        continue;
      }
      const moved = r.computed_due !== w.date;
      const reopen = moved && r.status === 'done';
      const flags: DeadlineViewFlag[] = parseFlags(r.flags).filter((f) => f !== 'override-stale' && f !== 'changed-after-done');
      if (r.override_due !== null && r.override_base !== w.date) flags.push('override-stale');
      if (reopen || parseFlags(r.flags).includes('changed-after-done')) flags.push('changed-after-done');
      const flagText = JSON.stringify(flags);
      const status = reopen ? 'open' : r.status;
      const same =
        !moved &&
        r.sig === w.sig &&
        r.flags === flagText &&
        r.person_name === name &&
        r.detained === p!.detained &&
        r.assignee === p!.assigned_to;
      if (same) continue;
      if (moved) note(personId, { country: w.country, kind: w.kind, before: r.computed_due, after: w.date });
      out.updated += 1;
      if (!dryRun) {
        upd.run(
          w.ruleId,
          w.label,
          w.date,
          w.date,
          '',
          w.citation,
          w.verify,
          w.sig,
          flagText,
          status,
          reopen ? null : r.done_at,
          reopen ? null : r.done_by,
          name,
          p!.detained,
          p!.assigned_to,
          now,
          ctx.actor,
          r.id,
        );
      }
    }
    for (const r of have.values()) {
      if (r.status === 'done') continue; // history of work done stays
      const [country = '', kind = ''] = r.tps_ref.split(':');
      note(personId, { country, kind, before: r.computed_due, after: null });
      out.removed += 1;
      if (!dryRun) del.run(r.id);
    }
  };
  for (const p of people) visit(p.id, p);
  for (const personId of stored.keys()) if (!seen.has(personId)) visit(personId, null);
  if (!dryRun) {
    const text = ctx.db.prepare('INSERT OR IGNORE INTO tps_texts(sig, trail) VALUES (?, ?)');
    for (const [sig, trail] of wants.used) text.run(sig, trail);
  }
  return out;
}

/**
 * A recompute for everyone rewrites a large share of the vault. For its
 * duration the connection gets a larger page cache (decrypted pages, in
 * memory only), so pages touched by the row and its indexes are written once.
 * Returns the function that puts the cache back.
 */
export function bulkCache(ctx: Ctx): () => void {
  const before = ctx.db.pragma('cache_size', { simple: true }) as number;
  ctx.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  return () => {
    if (ctx.db.open) ctx.db.pragma(`cache_size = ${before}`);
  };
}

function setApplied(ctx: Ctx, key: string): void {
  ctx.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(APPLIED_KEY, key);
}

/** The active dataset, or null when its file is damaged (tps.status reports that; deadlines must not go down with it). */
export function activeOrNull(ctx: Ctx): Active | null {
  try {
    return activeDataset(ctx);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** What the stored TPS deadlines lack: a whole pass (a new dataset), the queue of changed people, or nothing. */
export function tpsBehind(ctx: Ctx): { kind: 'all' | 'dirty'; queued: number } | null {
  const active = activeOrNull(ctx);
  if (!active) return null;
  const applied = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(APPLIED_KEY) as { value: string } | undefined;
  const queued = (ctx.db.prepare('SELECT count(*) AS n FROM tps_dirty').get() as { n: number }).n;
  if (applied?.value !== active.key) return { kind: 'all', queued };
  return queued > 0 ? { kind: 'dirty', queued } : null;
}

export interface ReconcileCounts {
  peopleAffected: number;
  created: number;
  updated: number;
  removed: number;
}

const addCounts = (into: ReconcileCounts, out: Outcome) => {
  into.peopleAffected += out.people.size;
  into.created += out.created;
  into.updated += out.updated;
  into.removed += out.removed;
};

/** Up to `limit` people of the queue, reconciled and dequeued in one transaction; how many were dequeued. */
export function catchUpDirty(ctx: Ctx, dataset: TpsDataset, limit: number, counts?: ReconcileCounts): number {
  return ctx.db.transaction(() => {
    const out = reconcile(ctx, dataset, { kind: 'dirty', limit }, false);
    if (counts) addCounts(counts, out);
    return ctx.db
      .prepare('DELETE FROM tps_dirty WHERE person_id IN (SELECT person_id FROM tps_dirty ORDER BY person_id LIMIT ?)')
      .run(limit).changes;
  })();
}

/** One page of a whole pass: the people with ids in (after, upTo], in one transaction. */
export function reconcileRange(ctx: Ctx, dataset: TpsDataset, after: string, upTo: string, counts: ReconcileCounts): void {
  ctx.db.transaction(() => addCounts(counts, reconcile(ctx, dataset, { kind: 'range', after, upTo }, false)))();
}

/** The end of a whole pass: the dataset `key` is now the one stored deadlines follow. */
export function markApplied(ctx: Ctx, key: string, counts: ReconcileCounts): void {
  setApplied(ctx, key);
  if (counts.created + counts.updated + counts.removed > 0) audit(ctx, 'tps.reconcile', 'tps_dataset', key, { ...counts });
}

const FILE = 'TPS file';
const parseImport = (json: string): TpsDataset => parseDatasetFile(json, FILE, parseTpsDataset);

/** Validates a dataset and says whose deadlines would change (against what is stored), without writing anything. */
export function previewImport(ctx: Ctx, json: string, limit: number): TpsImportPreview {
  const next = parseImport(json);
  const active = activeDataset(ctx);
  refuseOlderDataset(next, active.dataset, FILE);
  const out = reconcile(ctx, next, { kind: 'all' }, true);
  const people = [...out.people.entries()].map(([personId, changes]) => ({ personId, changes }));
  return {
    asOf: next.asOf,
    currentAsOf: active.dataset.asOf,
    countries: next.countries.length,
    peopleAffected: people.length,
    deadlinesChanged: people.reduce((n, p) => n + p.changes.length, 0),
    people: people.slice(0, limit),
    truncated: people.length > limit,
    byChange: changeCounts(people),
  };
}

/** How many people each distinct change touches ("SV re-registration close: Mar 9 → Sep 9, 120 people"). */
function changeCounts(people: ReadonlyArray<{ changes: readonly TpsDeadlineChange[] }>): TpsImportPreview['byChange'] {
  const counts = new Map<string, TpsDeadlineChange & { people: number }>();
  for (const p of people) {
    for (const c of p.changes) {
      const key = JSON.stringify([c.country, c.kind, c.before, c.after]);
      const seen = counts.get(key);
      if (seen) seen.people += 1;
      else counts.set(key, { ...c, people: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.people - a.people || a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind));
}

/**
 * Validates and stores a dataset; it becomes the active one at once. The
 * deadlines follow in the 'tps.reconcile' job the caller starts (tps-job.ts).
 */
export function storeDataset(ctx: Ctx, json: string): { id: string; asOf: string } {
  const next = parseImport(json);
  refuseOlderDataset(next, activeDataset(ctx).dataset, FILE);
  const id = newId();
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO tps_datasets(id, as_of, data, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)')
      .run(id, next.asOf, JSON.stringify(next), ctx.now(), ctx.actor);
    audit(ctx, 'tps.import', 'tps_dataset', id, { asOf: next.asOf, countries: next.countries.length });
  })();
  importedCache.set(id, next);
  return { id, asOf: next.asOf };
}

export function tpsStatus(ctx: Ctx): TpsStatusView {
  const active = activeDataset(ctx);
  const today = ctx.today();
  const ageDays = datasetAgeDays(active.dataset, today);
  return {
    asOf: active.dataset.asOf,
    ageDays,
    stale: ageDays > STALE_AFTER_DAYS,
    source: active.source,
    importedAt: active.importedAt,
    importedBy: active.importedBy,
    sourceNote: active.dataset.source,
    entries: active.dataset.countries.map((c) => tpsDeadlinesFor(c.country, active.dataset, today)),
  };
}
