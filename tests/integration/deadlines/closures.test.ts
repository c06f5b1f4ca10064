/**
 * Declared federal closures in a real vault: an imported dataset is
 * validated, previewed without writing, and applied in one transaction that
 * recomputes the deadlines it touches: counted under FRAP 26(a)(6)(B) for a
 * petition for review, flagged for an EOIR motion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { freshCore, REPO_ROOT } from '../../helpers/env';
import { addEvent, allRows, byRule, failure, person } from './helpers';

let core: Core;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const SHIPPED = resolve(REPO_ROOT, 'resources/closures/federal-closures.json');
type Dataset = { asOf: string; closures: Array<Record<string, unknown>> };
const shipped = (): Dataset => JSON.parse(readFileSync(SHIPPED, 'utf8')) as Dataset;

/** The shipped file with Christmas Eve 2026 declared closed (a hypothetical order, for the test). */
function withChristmasEve2026(): Dataset {
  const d = shipped();
  d.asOf = '2026-12-01';
  d.closures.push({
    date: '2026-12-24',
    name: { en: 'Christmas Eve 2026', es: 'Nochebuena de 2026' },
    citation: 'Executive order for the test, December 2026',
    verify: true,
  });
  return d;
}

async function start(today: string) {
  const env = await freshCore({ today });
  core = env.core;
  cleanup = env.cleanup;
}

describe('declared closures dataset', () => {
  it('reports the shipped dataset with its as-of date and source', async () => {
    await start('2026-06-10');
    const status = await core.call('closures.status', {});
    expect(status).toMatchObject({ source: 'shipped', asOf: shipped().asOf, importedAt: null });
    expect(status.sourceNote.es).toContain('Federal Register');
    expect(status.closures.map((c) => c.date)).toContain('2025-01-09');
  });

  it('preview writes nothing; apply rolls the petition for review (FRAP 26(a)(6)(B)) and flags the motion', async () => {
    await start('2026-06-10');
    const p = await person(core);
    // BIA decision Tue Nov 24 2026: 30 days later is Thu Dec 24 2026, a business day until a closure is declared.
    const ev = await addEvent(core, p.id, { kind: 'bia-decision', date: '2026-11-24' });
    const before = byRule(ev);
    expect(before['petition-for-review']!.due).toBe('2026-12-24');
    expect(before['motion-to-reconsider']!.due).toBe('2026-12-24');

    const rows = allRows(core);
    const preview = await core.call('closures.previewImport', { json: JSON.stringify(withChristmasEve2026()) });
    expect(preview).toMatchObject({ asOf: '2026-12-01', currentAsOf: shipped().asOf, removed: [] });
    expect(preview.added.map((c) => c.date)).toEqual(['2026-12-24']);
    expect(allRows(core)).toEqual(rows);
    expect((await core.call('closures.status', {})).source).toBe('shipped');

    const applied = await core.call('closures.applyImport', { json: JSON.stringify(withChristmasEve2026()) });
    expect(applied.asOf).toBe('2026-12-01');
    expect(applied.recomputed).toBeGreaterThanOrEqual(2);
    const after = Object.fromEntries((await core.call('deadlines.list', { personId: p.id })).map((d) => [d.ruleId, d]));
    // Dec 24 declared, Dec 25 Christmas, then the weekend: Monday Dec 28.
    expect(after['petition-for-review']).toMatchObject({ id: before['petition-for-review']!.id, due: '2026-12-28', verify: true });
    expect(after['petition-for-review']!.trail.en.join(' ')).toContain('Christmas Eve 2026, a federal closure declared by executive order');
    expect(after['motion-to-reconsider']).toMatchObject({ due: '2026-12-24', closureDue: '2026-12-28' });
    expect(after['motion-to-reconsider']!.flags).toContain('closure');
    const status = await core.call('closures.status', {});
    expect(status).toMatchObject({ source: 'imported', asOf: '2026-12-01' });
    expect(status.importedAt).toBeTruthy();
    // The same file again changes nothing.
    expect(await core.call('closures.previewImport', { json: JSON.stringify(withChristmasEve2026()) })).toMatchObject({
      added: [],
      removed: [],
    });
  });

  it('refuses non-JSON, invalid and older files with INVALID_INPUT and leaves the vault as it was', async () => {
    await start('2026-06-10');
    const p = await person(core);
    await addEvent(core, p.id, { kind: 'bia-decision', date: '2026-11-24' });
    const rows = allRows(core);
    expect((await failure(core.call('closures.applyImport', { json: '{not json' }))).code).toBe('INVALID_INPUT');
    const bad = withChristmasEve2026();
    bad.closures[0]!.date = '2026-02-30';
    const invalid = await failure(core.call('closures.applyImport', { json: JSON.stringify(bad) }));
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(invalid.message).toContain('closures[0]');
    const older = { ...shipped(), asOf: '2020-01-01' };
    const refused = await failure(core.call('closures.previewImport', { json: JSON.stringify(older) }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('older than the one in use');
    expect(allRows(core)).toEqual(rows);
    expect((await core.call('closures.status', {})).source).toBe('shipped');
  });
});
