/**
 * The clinic exchange's operations (issue 12; services in electron/core/exchange),
 * spread into the contract. Views carry ids, roles, counts and fingerprints:
 * never a name from a record.
 */
import { z } from 'zod';
import type { JobStarted } from './views';

export type ClinicRole = 'lead' | 'member' | 'field';

export interface ClinicStatusView {
  /** Null until the vault is set up as a clinic or joins one. */
  clinic: null | {
    clinicId: string;
    deviceId: string;
    role: ClinicRole;
    fingerprint: string;
    deviceFingerprint: string;
  };
  /** This device's id (kept when it joins). */
  deviceId: string;
  /** Field devices: intakes sealed to the clinic key, and how many were not yet written into a bundle. */
  sealed: { sealed: number; undelivered: number };
  openConflicts: number;
}

export interface FieldCountsView {
  /** Whether this vault is a field device (the count screen shows only there). */
  field: boolean;
  sealed: number;
  undelivered: number;
}

export interface ClinicDeviceView {
  deviceId: string;
  role: ClinicRole;
  label: string | null;
  expires: string | null;
  revokedAt: string | null;
  fingerprint: string;
  self: boolean;
}

export interface ExchangeExportView {
  file: string;
  changes: number;
  sealedIntakes: number;
  devices: number;
}

export interface ExchangeImportView {
  files: number;
  replays: number;
  changes: number;
  devices: number;
  conflicts: number;
  duplicates: number;
  intakes: number;
  refused: Array<{ file: string; code: string }>;
}

export interface ConflictView {
  id: string;
  entity: string;
  rowId: string;
  field: string;
  /** JSON text of the value now in the record (the later write). */
  keptValue: string;
  otherValue: string;
  keptStamp: string;
  otherStamp: string;
  detectedAt: string;
}

export interface ExchangeWatchView {
  /** The watched exchange folder, or null when none is set. */
  folder: string | null;
  /** The last automatic (or "sync now") run since the app started. */
  last: null | { at: string; exported: number; imported: ExchangeImportView | null; error: string | null };
}

const returns = <T>() => undefined as unknown as T;
const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();
const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id.invalid' });
const path = z.string().min(1).max(4096);
const fileText = z.string().min(1).max(5_000_000);
const instant = z.string().datetime({ offset: true });

export function exchangeOps() {
  return {
    'clinic.status': op(empty, returns<ClinicStatusView>()),
    /** Counts only, for anyone signed in on a field laptop (volunteers take the intakes there): never a name. */
    'clinic.fieldCounts': op(empty, returns<FieldCountsView>()),
    /** Makes this vault the clinic's lead vault. */
    'clinic.init': op(empty, returns<NonNullable<ClinicStatusView['clinic']>>()),
    /** The join request to carry to the lead, and the fingerprint to read to them. */
    'clinic.joinRequest': op(empty, returns<{ request: string; fingerprint: string; deviceId: string }>()),
    /** The lead reads a request's fingerprint before approving. */
    'clinic.inspectRequest': op(z.object({ request: fileText }).strict(), returns<{ deviceId: string; fingerprint: string }>()),
    'clinic.approve': op(
      z
        .object({
          request: fileText,
          role: z.enum(['member', 'field']),
          expires: instant.nullable().default(null),
          label: z.string().trim().max(80).nullable().default(null),
          /** The digits the device shows: approval is refused unless they match. */
          fingerprint: z.string().min(1).max(80),
        })
        .strict(),
      returns<{ acceptance: string; deviceId: string; fingerprint: string }>(),
    ),
    'clinic.join': op(
      z.object({ acceptance: fileText, fingerprint: z.string().max(80).optional() }).strict(),
      returns<NonNullable<ClinicStatusView['clinic']>>(),
    ),
    'clinic.devices': op(empty, returns<ClinicDeviceView[]>()),
    /** Per device, when this vault last applied a bundle from it (devices never heard from are absent). */
    'clinic.lastBundles': op(empty, returns<Array<{ deviceId: string; lastBundleAt: string }>>()),
    'clinic.revoke': op(z.object({ deviceId: id }).strict(), returns<ClinicDeviceView>()),
    /** Writes a bundle into the folder, for one peer or for every live member. */
    'exchange.export': op(z.object({ dir: path, peer: id.optional() }).strict(), returns<ExchangeExportView>()),
    /** Imports bundle files (a folder stands for the bundles in it); a refused one is listed with its code. */
    'exchange.import': op(z.object({ paths: z.array(path).min(1).max(1000) }).strict(), returns<ExchangeImportView>()),
    /** The same import as a job (jobs.status / cancel / result): one transaction, so a cancel applies nothing. */
    'exchange.importStart': op(z.object({ paths: z.array(path).min(1).max(1000) }).strict(), returns<JobStarted>()),
    /** The watched folder: synced on unlock and every few minutes while unlocked. */
    'exchange.watchStatus': op(empty, returns<ExchangeWatchView>()),
    'exchange.setWatchFolder': op(z.object({ dir: path.nullable() }).strict(), returns<ExchangeWatchView>()),
    'exchange.syncNow': op(empty, returns<ExchangeWatchView>()),
    'conflicts.list': op(empty, returns<ConflictView[]>()),
    /** Keeps one of the two values; choosing the other writes it as a new change. */
    'conflicts.resolve': op(z.object({ id, keep: z.enum(['kept', 'other']) }).strict(), returns<{ resolved: true }>()),
  };
}
