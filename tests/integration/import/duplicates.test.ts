import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { commitImport, previewImport } from '../../../electron/core/intake/csv';
import type { Progress } from '../../../electron/core/jobs';
import { commit, counts, preview, rawCsv } from './helpers';

const TODAY = '2026-11-26';
let core: Core;
let cleanup: () => void;
let jose: string;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  jose = (
    await core.call('intake.createQuick', {
      intake: { givenName: 'José María', familyName: 'García López', dob: '1990-03-07', phone: '555-123-4567', detained: false },
    })
  ).id;
});
afterEach(() => cleanup());

const CSV = rawCsv([
  ['given_name', 'family_name', 'dob', 'notes'],
  ['Jose Maria', 'Garcia Lopez', '03/07/1990', 'from the training sheet'],
  ['Ana', 'Pérez', '1985-05-05', ''],
  ['Ana', 'Perez', '05/05/1985', 'typed twice'],
  ['Luis', 'Gómez', '1970-01-01', ''],
]);

const decisions = () =>
  core.vault.db.prepare('SELECT person_id, other_id, decision FROM duplicate_decisions ORDER BY decided_at, id').all() as Array<{
    person_id: string;
    other_id: string;
    decision: string;
  }>;

describe('CSV import: duplicates', () => {
  it('finds likely duplicates in the vault and within the file', async () => {
    const pv = await preview(core, CSV);
    const byLine = new Map(pv.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)!.duplicates[0]).toMatchObject({ source: 'vault', id: jose, name: 'José María García López', strength: 'likely' });
    expect(byLine.get(2)!.duplicates[0]!.reasons).toContain('names-equal-ignoring-accents');
    expect(byLine.get(3)!.duplicates).toEqual([]);
    expect(byLine.get(4)!.duplicates[0]).toMatchObject({
      source: 'file',
      line: 3,
      name: 'Ana Pérez',
      strength: 'likely',
      dob: '1985-05-05',
    });
    expect(pv.rows.map((r) => r.needsChoice)).toEqual([true, false, true, false]);
    expect(pv.counts).toEqual({ total: 4, valid: 4, invalid: 0, likelyDuplicates: 2 });
  });

  it('refuses while a likely duplicate has no choice, naming the lines', async () => {
    const before = counts(core);
    const r = await commit(core, CSV, { 2: 'skip' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CSV_INVALID', details: { needChoice: [4] } } });
    expect(r.ok || r.error.message).toMatch(/Line 4 looks like someone already in the vault/);
    expect(counts(core)).toEqual(before);
  });

  it('merge into the vault record, skip the repeated row', async () => {
    const r = await commit(core, CSV, { 2: { mergeInto: jose }, 4: 'skip' });
    expect(r).toMatchObject({ ok: true, value: { imported: 2, merged: 1, skipped: 1, flagged: 0 } });
    const { rows } = await core.call('people.list', {});
    expect(rows.map((p) => p.givenName).sort()).toEqual(['Ana', 'José María', 'Luis']);
    const kept = await core.call('people.get', { id: jose });
    expect(kept.person.aliases).toContain('Jose Maria Garcia Lopez');
    expect(kept.notes).toBe('from the training sheet');
    expect(decisions()).toEqual([expect.objectContaining({ other_id: jose, decision: 'same-person' })]);
  });

  it('import as new records "new-person"; import-and-flag records "needs-review"', async () => {
    const r = await commit(core, CSV, { 2: 'import', 4: 'import-and-flag' });
    expect(r).toMatchObject({ ok: true, value: { imported: 4, merged: 0, skipped: 0, flagged: 1 } });
    expect((await core.call('people.list', {})).total).toBe(5);
    const d = decisions();
    expect(d.map((x) => x.decision)).toEqual(['new-person', 'needs-review']);
    expect(d[0]!.other_id).toBe(jose);
    const ana = (await core.call('people.search', { query: 'ana perez' })).map((p) => p.id);
    expect(ana).toHaveLength(2);
    expect(ana).toContain(d[1]!.person_id);
    expect(ana).toContain(d[1]!.other_id);
    const audit = core.vault.db.prepare("SELECT detail FROM audit_log WHERE action = 'import.csv'").all() as Array<{ detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ rows: 4, imported: 4, skipped: 0, merged: 0, flagged: 1 }]);
  });

  it('refuses a merge into a record that is not a candidate, and choices for lines that are not rows', async () => {
    const other = (
      await core.call('intake.createQuick', {
        intake: { givenName: 'Zoe', familyName: 'Quintero', dob: '2000-01-01', phone: '555-999-0000', detained: false },
      })
    ).id;
    const before = counts(core);
    expect(await commit(core, CSV, { 2: { mergeInto: other }, 4: 'skip' })).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', details: { badMerge: [2] } },
    });
    expect(await commit(core, CSV, { 2: 'skip', 4: 'skip', 9: 'import' })).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', details: { unknownLines: [9] } },
    });
    expect(counts(core)).toEqual(before);
  });

  it('re-checks at commit: a row the vault gained since the preview needs a choice', async () => {
    const csv = rawCsv([
      ['given_name', 'family_name', 'dob'],
      ['Luis', 'Gómez', '1970-01-01'],
    ]);
    expect((await preview(core, csv)).rows[0]!.needsChoice).toBe(false);
    await core.call('intake.createQuick', {
      intake: { givenName: 'Luis', familyName: 'Gomez', dob: '1970-01-01', phone: '555-999-0000', detained: false },
    });
    expect(await commit(core, csv)).toMatchObject({ ok: false, error: { details: { needChoice: [2] } } });
  });

  it('cancel mid-import rolls everything back', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `Person${String.fromCharCode(65 + (i % 26))}${i}`,
      `Family${i}x`,
      `1960-01-${String((i % 28) + 1).padStart(2, '0')}`,
    ]);
    const csv = rawCsv([['given_name', 'family_name', 'dob'], ...rows]);
    const before = counts(core);
    const controller = new AbortController();
    const seen: Progress[] = [];
    const run = commitImport(
      core.ctx(),
      { bytes: Buffer.from(csv), choices: {}, onDuplicate: 'import' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.phase === 'write' && p.done === 10) controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.filter((p) => p.phase === 'write').length).toBe(10);
    expect(counts(core)).toEqual(before);
    // The same file imports fine afterwards.
    await expect(commitImport(core.ctx(), { bytes: Buffer.from(csv), choices: {}, onDuplicate: 'import' })).resolves.toMatchObject({
      imported: 30,
    });
  });

  it('a cancelled preview stops early', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(previewImport(core.ctx(), { bytes: Buffer.from(CSV) }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
