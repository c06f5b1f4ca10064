/**
 * A map for one form on the blank of another is refused, even with
 * --accept-edition / acceptEditionMismatch: FORM_MAP_MISMATCH (CLI exit 4)
 * with the counts; nothing written, nothing recorded.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createCore } from '../../../electron/core/app';
import { loadBlank } from '../../../electron/core/forms/blank';
import { fillForm } from '../../../electron/core/forms/fill';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import { runCli } from '../../helpers/cli';
import { PASS, TEST_KDF, freshCore } from '../../helpers/env';
import { blankPath, readBlank } from './helpers';

let dir: string;
let db: string;
let cleanup: () => void;
let personId: string;

beforeAll(async () => {
  const v = await freshCore({ today: '2026-11-26' });
  ({ dir, dbPath: db, cleanup } = v);
  const p = await v.core.call('intake.createFull', {
    intake: {
      person: { givenName: 'Ana', familyName: 'García', dob: '1990-03-07', languages: ['Spanish'] },
      detention: { detained: false },
      history: {},
      cases: [{ type: 'asylum-affirmative' }],
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  });
  personId = p.id;
  v.core.close();
});
afterAll(() => cleanup());

describe('a map on another form’s blank', () => {
  it('the CLI refuses fill --blank I-765 --form i-589 --accept-edition with exit 4 and the counts; writes and records nothing', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const target = join(out, 'wrong.pdf');
    const r = runCli(
      ['fill', '--blank', blankPath('i-765'), '--form', 'i-589', '--accept-edition', '--person', personId, '--db', db, '--out', target],
      { AMPARO_PASSPHRASE: PASS },
    );
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    const map = await loadFieldMap('i-589', '2022');
    const mapped = Object.keys(map.fields).length;
    expect(r.stderr.trim()).toMatch(new RegExp(`^Error: This PDF is not the I-589: only (\\d+) of the map's ${mapped} fields are in it`));
    const present = Number(/only (\d+) of/.exec(r.stderr)?.[1]);
    expect(present * 2).toBeLessThan(mapped);
    expect(readdirSync(out)).toEqual([]);

    const core = createCore({ dbPath: db, kdfCost: TEST_KDF });
    await core.call('vault.unlock', { passphrase: PASS });
    try {
      expect(await core.call('forms.history', { personId })).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('the engine refuses it too, whatever was accepted, with the code and counts in details', async () => {
    const blank = await loadBlank(readBlank('i-765'));
    const map = await loadFieldMap('i-589', '2022');
    const err = await fillForm({
      blank: blank.bytes,
      blankSha256: blank.sha256,
      map,
      acceptEditionMismatch: true,
      data: { person: { givenName: 'Ana', familyName: 'García', dob: '1990-03-07' } },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FORM_MAP_MISMATCH');
    expect((err as AppError).details).toMatchObject({ form: 'i-589', mapped: Object.keys(map.fields).length });
  });

  it('a map on its own blank is not refused (the check counts settable fields present)', async () => {
    const blank = await loadBlank(readBlank('g-28'));
    const map = await loadFieldMap('g-28', '2022');
    const result = await fillForm({
      blank: blank.bytes,
      blankSha256: blank.sha256,
      map,
      data: { person: { givenName: 'Ana', familyName: 'García', dob: '1990-03-07' } },
    });
    expect(result.filled).toBeGreaterThan(0);
  });
});
