import { createHash } from 'node:crypto';
import type { Core } from '../../../electron/core/app';
import type { BatchPdfResult } from '../../../shared/views';
import { readBlank } from '../forms/helpers';

export const TODAY = '2026-11-26';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export async function importOfficial(core: Core, form: 'g-28' | 'i-589') {
  return core.call('forms.importBlank', { fileName: `${form}.pdf`, dataBase64: b64(readBlank(form)) });
}

export interface Client {
  given: string;
  family: string;
  aNumber: string;
  dob: string;
}

/** A person saved through the intake op, as a clinic would. */
export async function createClient(core: Core, c: Client, extra: Record<string, unknown> = {}) {
  return core.call('intake.createFull', {
    intake: {
      person: {
        givenName: c.given,
        familyName: c.family,
        dob: c.dob,
        aNumber: c.aNumber,
        sex: 'female',
        countryOfBirth: 'Guatemala',
        nationality: 'Guatemala',
        languages: ['Spanish'],
        phone: '(415) 555-0199',
        address: { street: '1200 Mission St', unit: 'Apt 4B', city: 'San Francisco', state: 'CA', zip: '94103' },
        ...extra,
      },
      detention: { detained: false },
      history: { lastEntryDate: '2021-05-01', lastEntryManner: 'EWI', priorOrders: 'no' },
      cases: [{ type: 'asylum-affirmative' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  });
}

export const ATTORNEY = {
  givenName: 'Ana',
  familyName: 'Ruiz',
  kind: 'attorney' as const,
  licensingAuthority: 'State Bar of California',
  barNumber: '123456',
  firm: 'Clínica Amparo',
  address: { street: '50 Fremont St', unit: 'Suite 300', city: 'San Francisco', state: 'CA', zip: '94105' },
  phone: '(415) 555-0100',
  email: 'ana@example.org',
};

/**
 * What the UI does once the save dialog (or the download) reports the file
 * saved: forms.recordDelivery, and the history row appears only now.
 */
export async function delivered<T extends { token: string }>(core: Core, filled: T): Promise<T & { fillId: string }> {
  const { fillId } = await core.call('forms.recordDelivery', { token: filled.token });
  return { ...filled, fillId };
}

/** One finished person's PDF from a batch job. */
export async function batchPdf(core: Core, jobId: string, index: number): Promise<BatchPdfResult> {
  const r = await core.call('jobs.result', { jobId, index });
  if (r.kind !== 'forms.batch') throw new Error(`unexpected job result ${r.kind}`);
  return r;
}

export async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string; details?: unknown };
    return { code: err.code ?? 'not AppError', message: err.message, details: err.details };
  }
  throw new Error('expected an error');
}
