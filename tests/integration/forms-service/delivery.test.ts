/**
 * A fill is recorded when its file is delivered, not when it is made: the UI
 * calls forms.recordDelivery once the save dialog (or download) has put the
 * file somewhere. A cancelled save leaves no history row; a delivered one
 * leaves exactly one, with the SHA-256 of the bytes handed out. The bytes
 * are a Uint8Array, and survive the JSON harness's wire format exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { ImportedBlank, PersonView } from '../../../shared/views';
import { decodeWire, encodeWire } from '../../../shared/wire';
import { PASS, freshCore } from '../../helpers/env';
import { TODAY, createClient, errorOf, importOfficial, sha256 } from './helpers';

let core: Core;
let cleanup: () => void;
let g28: ImportedBlank;
let ana: PersonView;

const fillRows = () =>
  core.vault.db.prepare('SELECT id, kind, output_sha256 FROM form_fills WHERE person_id = ? ORDER BY filled_at, id').all(ana.id) as Array<{
    id: string;
    kind: string;
    output_sha256: string;
  }>;
const auditCount = (action: string) =>
  (core.vault.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity_id = ?').get(action, ana.id) as { n: number }).n;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  g28 = await importOfficial(core, 'g-28');
  ana = await createClient(core, { given: 'Ana Lucía', family: 'Quispe Mamani', aNumber: 'A-098-765-432', dob: '1988-08-08' });
}, 60_000);
afterAll(() => cleanup());

describe('forms.recordDelivery', () => {
  it('a fill whose save was cancelled leaves no history row and no delivery in the audit trail', async () => {
    const filled = await core.call('forms.fill', { templateId: g28.blankId, personId: ana.id });
    expect(filled.pdf).toBeInstanceOf(Uint8Array);
    expect(filled).not.toHaveProperty('pdfBase64');
    expect(filled).not.toHaveProperty('fillId');
    // The UI's save dialog was closed: it never calls recordDelivery.
    expect(fillRows()).toEqual([]);
    expect(await core.call('forms.history', { personId: ana.id })).toEqual([]);
    expect(auditCount('forms.fill.delivered')).toBe(0);
  });

  it('a delivered fill leaves one row with the SHA-256 of the bytes; delivering again records nothing more', async () => {
    const filled = await core.call('forms.fill', { form: 'g-28', personId: ana.id });
    expect(filled.sha256).toBe(sha256(filled.pdf));
    const { fillId } = await core.call('forms.recordDelivery', { token: filled.token });
    expect(fillRows()).toEqual([{ id: fillId, kind: 'fill', output_sha256: sha256(filled.pdf) }]);
    expect(await core.call('forms.history', { personId: ana.id })).toEqual([
      expect.objectContaining({ id: fillId, kind: 'fill', form: 'g-28', outputSha256: filled.sha256 }),
    ]);
    expect(auditCount('forms.fill.delivered')).toBe(1);
    // "Save again" after a save that worked: the same row, not a second one.
    expect(await core.call('forms.recordDelivery', { token: filled.token })).toEqual({ fillId });
    expect(fillRows()).toHaveLength(1);
    expect(auditCount('forms.fill.delivered')).toBe(1);
  });

  it('test fills and summaries are recorded on delivery too, with their kind', async () => {
    const before = fillRows().length;
    const test = await core.call('forms.testFill', { templateId: g28.blankId, personId: ana.id });
    const summary = await core.call('forms.summary', { personId: ana.id, lang: 'en' });
    expect(fillRows()).toHaveLength(before);
    await core.call('forms.recordDelivery', { token: summary.token });
    await core.call('forms.recordDelivery', { token: test.token });
    const added = fillRows().slice(before);
    expect(added.map((r) => [r.kind, r.output_sha256]).sort()).toEqual(
      [
        ['summary', sha256(summary.pdf)],
        ['test', sha256(test.pdf)],
      ].sort(),
    );
  });

  it('refuses a token it never gave, and one from before a lock; nothing is recorded', async () => {
    const before = fillRows().length;
    expect((await errorOf(core.call('forms.recordDelivery', { token: '01900000-0000-7000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    const filled = await core.call('forms.fill', { form: 'g-28', personId: ana.id });
    await core.call('vault.lock', {});
    expect((await errorOf(core.call('forms.recordDelivery', { token: filled.token }))).code).toBe('VAULT_LOCKED');
    await core.call('vault.unlock', { passphrase: PASS });
    expect((await errorOf(core.call('forms.recordDelivery', { token: filled.token }))).code).toBe('NOT_FOUND');
    expect(fillRows()).toHaveLength(before);
    expect((await errorOf(core.call('forms.recordDelivery', { token: 'not-a-token' }))).code).toBe('INVALID_INPUT');
  });

  it('the bytes cross the JSON harness wire exactly, as {"$bytes": base64}, and come back as a Uint8Array', async () => {
    const filled = await core.call('forms.fill', { form: 'g-28', personId: ana.id });
    const text = encodeWire({ ok: true, value: filled });
    expect(JSON.parse(text).value.pdf).toEqual({ $bytes: Buffer.from(filled.pdf).toString('base64') });
    const back = decodeWire(text) as { ok: true; value: typeof filled };
    expect(back.value.pdf).toBeInstanceOf(Uint8Array);
    expect(sha256(back.value.pdf)).toBe(filled.sha256);
    expect({ ...back.value, pdf: null }).toEqual({ ...filled, pdf: null });
  });
});
