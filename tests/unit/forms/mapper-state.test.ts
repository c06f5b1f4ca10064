/**
 * The field mapper's reducer (renderer/src/features/forms/mapper/state.ts):
 * every transition the mapper screen makes, on a template shaped as the core
 * returns one. Pure: no DOM, no core.
 */
import { describe, expect, it } from 'vitest';
import {
  firstMetaError,
  initialMapperState,
  mapperReducer,
  metaErrors,
  strayFields,
  visibleFields,
  wrongTypeFields,
  type MapperAction,
  type MapperState,
} from '../../../renderer/src/features/forms/mapper/state';
import type { ErrorInfo } from '../../../shared/errors';
import type { FieldInfo } from '../../../shared/forms/types';
import type { FilledPdf, PersonSummary, TemplateView } from '../../../shared/views';

const field = (name: string, page: number, label = '', type: FieldInfo['type'] = 'text'): FieldInfo => ({
  name,
  type,
  label,
  page,
  options: [],
});
const FAMILY = 'form1[0].Pt1Line1_FamilyName[0]';
const GIVEN = 'form1[0].Pt1Line1_GivenName[0]';
const CHECK = 'form1[0].Pt2_Detained[0]';
const HIDDEN = 'form1[0].Barcode[0]';

const template = (over: Partial<TemplateView> = {}): TemplateView =>
  ({
    id: 't1',
    version: 3,
    name: 'G-28 (2022)',
    form: 'g-28',
    edition: '09/17/18',
    status: 'draft',
    pageCount: 4,
    fields: [field(HIDDEN, 0), field(FAMILY, 1, 'Family Name'), field(GIVEN, 1, 'Given Name'), field(CHECK, 2, 'Detained', 'checkbox')],
    map: {
      form: 'g-28',
      edition: '09/17/18',
      fields: {
        [FAMILY]: { transform: 'upper', source: 'person.familyName' },
        'form1[0].OldEditionOnly[0]': { transform: 'text', source: 'person.givenName' },
      },
    },
    problems: [],
    match: null,
    ...over,
  }) as unknown as TemplateView;

const run = (actions: MapperAction[], from: MapperState = initialMapperState) => actions.reduce(mapperReducer, from);
const loaded = (tpl = template()) => run([{ type: 'loaded', tpl }]);

describe('mapper state', () => {
  it('adopts a loaded template: its map, its name, form and edition, clean, first field on a page chosen', () => {
    const s = loaded();
    expect(s.tpl?.version).toBe(3);
    expect(Object.keys(s.entries)).toEqual([FAMILY, 'form1[0].OldEditionOnly[0]']);
    expect(s.meta).toEqual({ name: 'G-28 (2022)', form: 'g-28', edition: '09/17/18' });
    expect(s.dirty).toBe(false);
    // The barcode has no page: the first field on a page is chosen, and its page shown.
    expect(s.selected).toBe(FAMILY);
    expect(s.page).toBe(1);
  });

  it('a template without a map takes its form code and edition from the blank ("custom" for a clinic form)', () => {
    expect(loaded(template({ map: null, form: 'custom', edition: null } as Partial<TemplateView>)).meta).toEqual({
      name: 'G-28 (2022)',
      form: 'custom',
      edition: '',
    });
  });

  it('choosing a field moves the preview to its page, unless it has none', () => {
    const s = run([{ type: 'select', field: field(CHECK, 2) }], loaded());
    expect([s.selected, s.page]).toEqual([CHECK, 2]);
    const t = run([{ type: 'select', field: field(HIDDEN, 0) }], s);
    expect([t.selected, t.page]).toEqual([HIDDEN, 2]);
  });

  it('editing an entry marks the map dirty and clears the last "saved"; removing one deletes it', () => {
    const saved = run([{ type: 'saved', tpl: template({ version: 4 }) }], loaded());
    expect(saved.savedCount).toBe(2);
    const s = run([{ type: 'entry', name: GIVEN, entry: { transform: 'text', source: 'person.givenName' } }], saved);
    expect(s.dirty).toBe(true);
    expect(s.savedCount).toBeNull();
    expect(s.entries[GIVEN]).toEqual({ transform: 'text', source: 'person.givenName' });
    // The state it came from is untouched (a reducer, not a mutation).
    expect(saved.entries[GIVEN]).toBeUndefined();
    const r = run([{ type: 'entry', name: FAMILY, entry: undefined }], s);
    expect(FAMILY in r.entries).toBe(false);
  });

  it('a typed form code is folded to lowercase; any meta edit is dirty', () => {
    const s = run([{ type: 'meta', key: 'form', value: 'G-28' }], loaded());
    expect(s.meta.form).toBe('g-28');
    expect(s.dirty).toBe(true);
    expect(run([{ type: 'meta', key: 'name', value: 'Mi G-28' }], loaded()).meta.name).toBe('Mi G-28');
  });

  it('finds the strays and wrong-type entries and drops exactly those', () => {
    const tpl = template({ problems: [{ field: FAMILY, problem: 'wrong-type' }] } as Partial<TemplateView>);
    const s = loaded(tpl);
    expect(strayFields(s)).toEqual(['form1[0].OldEditionOnly[0]']);
    expect(wrongTypeFields(s)).toEqual([FAMILY]);
    const d = run([{ type: 'entry', name: GIVEN, entry: { transform: 'text', source: 'person.givenName' } }, { type: 'dropStrays' }], s);
    expect(Object.keys(d.entries)).toEqual([GIVEN]);
    expect(d.dirty).toBe(true);
  });

  it('the list shows what the filter and the mapped/unmapped choice let through', () => {
    const s = loaded();
    expect(visibleFields(s).map((f) => f.name)).toEqual([HIDDEN, FAMILY, GIVEN, CHECK]);
    expect(visibleFields(run([{ type: 'show', value: 'mapped' }], s)).map((f) => f.name)).toEqual([FAMILY]);
    expect(visibleFields(run([{ type: 'show', value: 'unmapped' }], s)).map((f) => f.name)).toEqual([HIDDEN, GIVEN, CHECK]);
    // Label or name, any case.
    expect(visibleFields(run([{ type: 'filter', value: '  given ' }], s)).map((f) => f.name)).toEqual([GIVEN]);
    expect(visibleFields(run([{ type: 'filter', value: 'barcode' }], s)).map((f) => f.name)).toEqual([HIDDEN]);
  });

  it('a save with a blank name or a bad form code is refused before the core, field by field', () => {
    const bad = run(
      [{ type: 'meta', key: 'name', value: '  ' }, { type: 'meta', key: 'form', value: 'g 28' }, { type: 'saveBegin' }],
      loaded(),
    );
    expect(bad.saving).toBe(false);
    expect(bad.metaErrors).toEqual({ name: true, form: true });
    expect(firstMetaError(bad.metaErrors)).toBe('name');
    expect(firstMetaError(metaErrors({ name: 'x', form: 'g-28', edition: '' }))).toBe('edition');
    expect(firstMetaError(metaErrors({ name: 'x', form: 'g-28', edition: '2022' }))).toBeNull();
  });

  it('a save runs, fails with the core’s error, then succeeds and adopts the saved template', () => {
    const edited = run([{ type: 'entry', name: GIVEN, entry: { transform: 'text', source: 'person.givenName' } }], loaded());
    const begun = run([{ type: 'saveBegin' }], edited);
    expect(begun.saving).toBe(true);
    expect(begun.metaErrors).toEqual({});
    const error: ErrorInfo = { code: 'STALE_WRITE', message: 'changed elsewhere' };
    const failed = run([{ type: 'saveFailed', error }], begun);
    expect([failed.saving, failed.saveError, failed.dirty]).toEqual([false, error, true]);
    const again = run([{ type: 'saveBegin' }], failed);
    expect(again.saveError).toBeNull();
    const savedTpl = template({
      version: 4,
      status: 'ready',
      map: { form: 'g-28', edition: '09/17/18', fields: { [GIVEN]: { transform: 'text', source: 'person.givenName' } } },
    } as unknown as Partial<TemplateView>);
    const done = run([{ type: 'saved', tpl: savedTpl }], again);
    expect(done.saving).toBe(false);
    expect(done.dirty).toBe(false);
    expect(done.tpl?.version).toBe(4);
    expect(done.entries).toEqual({ [GIVEN]: { transform: 'text', source: 'person.givenName' } });
    expect(done.savedCount).toBe(1);
    // The chosen field and the list settings survive a save.
    expect(done.selected).toBe(FAMILY);
  });

  it('leave asks, stay takes it back', () => {
    const s = run([{ type: 'leave' }], loaded());
    expect(s.leaving).toBe(true);
    expect(run([{ type: 'stay' }], s).leaving).toBe(false);
  });

  it('a test fill: busy, then its result is previewed; a new run clears the last error and save message', () => {
    const person = { id: 'p1', givenName: 'Ana', familyName: 'Núñez' } as PersonSummary;
    const result = { token: 'tok', fileName: 'g-28.pdf', pdf: new Uint8Array([37, 80]), filled: 2 } as unknown as FilledPdf;
    const s = run([{ type: 'testPerson', person }, { type: 'testBegin' }, { type: 'testFilling' }], loaded());
    expect(s.test.busy).toBe(true);
    const failed = run([{ type: 'testFailed', error: { code: 'NOT_FOUND', message: 'gone' } }], s);
    expect([failed.test.busy, failed.test.error?.code, failed.showing]).toEqual([false, 'NOT_FOUND', 'blank']);
    const done = run([{ type: 'testBegin' }, { type: 'testFilling' }, { type: 'testDone', result }], failed);
    expect(done.test.error).toBeNull();
    expect([done.test.busy, done.test.result, done.showing]).toEqual([false, result, 'test']);
    const saved = run(
      [
        { type: 'testSaved', saved: { kind: 'notSaved' } },
        { type: 'showing', which: 'blank' },
      ],
      done,
    );
    expect([saved.test.saved, saved.showing, saved.test.person]).toEqual([{ kind: 'notSaved' }, 'blank', person]);
    expect(run([{ type: 'testBegin' }], saved).test.saved).toBeNull();
  });
});
