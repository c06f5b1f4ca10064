import { AppError } from '../../../shared/errors';
import type { FieldMap } from '../../../shared/forms/map-schema';
import type { EditionReport } from '../../../shared/forms/types';

/**
 * Compares a blank with the edition its map was written for. The sha256 of
 * the official download is the edition's identity; the field sets say what a
 * different file would break. Without a sha (only decrypted bytes at hand)
 * identical field sets are taken as the same edition.
 */
export function compareEdition(map: FieldMap, blankFieldNames: Iterable<string>, blankSha256?: string): EditionReport {
  const inBlank = new Set(blankFieldNames);
  const known = new Set(map.blankFields);
  return {
    shaMatches: blankSha256 !== undefined && blankSha256 === map.blankSha256,
    missing: Object.keys(map.fields).filter((name) => !inBlank.has(name)),
    added: [...inBlank].filter((name) => !known.has(name)),
  };
}

export function isSameEdition(report: EditionReport, blankSha256?: string): boolean {
  if (report.shaMatches) return true;
  return blankSha256 === undefined && report.missing.length === 0 && report.added.length === 0;
}

/** Throws PDF_WRONG_EDITION with the field differences unless the caller accepted them. */
export function assertEdition(map: FieldMap, report: EditionReport, blankSha256: string | undefined, accept: boolean): void {
  if (accept || isSameEdition(report, blankSha256)) return;
  throw new AppError(
    'PDF_WRONG_EDITION',
    `This blank is not the ${map.form.toUpperCase()} edition ${map.edition} that the field map was made for`,
    { form: map.form, edition: map.edition, missing: report.missing, added: report.added },
  );
}

/** Field types a map can write to (not buttons or signatures). */
const SETTABLE = new Set(['text', 'checkbox', 'radio', 'dropdown', 'list']);

/**
 * Refuses, whatever the caller accepted, a blank that holds fewer than half
 * of the map's fields as settable fields: that is another form, not another
 * edition, and filling it would hand out a copy of the blank as if filled.
 */
export function assertMapFits(map: FieldMap, blankFields: Iterable<{ name: string; type: string }>): void {
  const settable = new Set<string>();
  for (const f of blankFields) if (SETTABLE.has(f.type)) settable.add(f.name);
  const mapped = Object.keys(map.fields).length;
  const present = Object.keys(map.fields).filter((name) => settable.has(name)).length;
  if (mapped === 0 || present * 2 >= mapped) return;
  throw new AppError(
    'FORM_MAP_MISMATCH',
    `This PDF is not the ${map.form.toUpperCase()}: only ${present} of the map's ${mapped} fields are in it (at least half must be). Nothing was filled.`,
    { form: map.form, edition: map.edition, present, mapped },
  );
}
