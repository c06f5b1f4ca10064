import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseFieldMap, validateMap } from '../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../shared/forms/types';
import { isViewPath } from '../../../shared/forms/view';
import { loadFieldMap } from '../../../electron/core/forms/resources';

const minimal = {
  form: 'x-1',
  edition: '2022',
  blankSha256: 'a'.repeat(64),
  blankFields: ['A', 'B'],
  fields: { A: { transform: 'text', source: 'person.familyName' }, B: { transform: 'checkbox-if', source: 'person.sex', equals: 'F' } },
};

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not-app-error';
  }
  return undefined;
}

describe('field map schema', () => {
  it('loads the shipped maps', async () => {
    for (const form of ['g-28', 'i-589']) {
      const map = await loadFieldMap(form, '2022');
      expect(map.form).toBe(form);
      expect(Object.keys(map.fields).length).toBeGreaterThan(40);
      expect(Object.keys(map.fields).every((f) => map.blankFields.includes(f))).toBe(true);
    }
  });

  it('never maps the Social Security Number', async () => {
    const map = await loadFieldMap('i-589', '2022');
    expect(map.fields['form1[0].#subform[0].TextField1[0]']).toBeUndefined();
    const sources = Object.values(map.fields).flatMap((e) => ('source' in e ? [e.source].flat() : []));
    expect(sources.filter((s) => /ssn|social/i.test(s))).toEqual([]);
  });

  it('rejects malformed maps and paths outside the view', () => {
    expect(parseFieldMap(minimal).form).toBe('x-1');
    expect(code(() => parseFieldMap({ ...minimal, blankSha256: 'nope' }))).toBe('INVALID_INPUT');
    expect(code(() => parseFieldMap({ ...minimal, fields: { A: { transform: 'shout', source: 'person.familyName' } } }))).toBe(
      'INVALID_INPUT',
    );
    expect(code(() => parseFieldMap({ ...minimal, fields: { A: { transform: 'checkbox-if', source: 'person.sex' } } }))).toBe(
      'INVALID_INPUT',
    );
    expect(code(() => parseFieldMap({ ...minimal, fields: { A: { transform: 'text', source: 'person.favouriteColour' } } }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('knows the view paths, indices included', () => {
    expect(isViewPath('person.address.zip')).toBe(true);
    expect(isViewPath('history.entries.2.date')).toBe(true);
    expect(isViewPath('history.entries.x.date')).toBe(false);
    expect(isViewPath('person.ssn')).toBe(false);
  });

  it('reports mapped fields that are missing or of the wrong type', () => {
    const map = parseFieldMap(minimal);
    const fields: FieldInfo[] = [{ name: 'B', type: 'text', label: '', page: 1, options: [] }];
    expect(validateMap(map, fields)).toEqual([
      { field: 'A', problem: 'missing' },
      { field: 'B', problem: 'wrong-type', expected: ['checkbox', 'radio'], actual: 'text' },
    ]);
  });
});
