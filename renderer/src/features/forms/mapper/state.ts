/**
 * The mapper's state and every way it changes, as one pure reducer: the
 * template as last loaded or saved, the field map being edited and the
 * template's name, form code and edition, what the field list shows and
 * which field is chosen, the save and the test fill. The component only
 * dispatches and talks to the core; a unit test walks the transitions.
 */
import type { ErrorInfo } from '../../../../../shared/errors';
import type { MapEntry } from '../../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../../shared/forms/types';
import type { FilledPdf, PersonSummary, TemplateView } from '../../../../../shared/views';
import type { DeliveryState } from '../../../api';

export type Entries = Record<string, MapEntry>;
export interface Meta {
  name: string;
  form: string;
  edition: string;
}
export type MetaKey = keyof Meta;
export type MetaErrors = Partial<Record<MetaKey, boolean>>;
export type Show = 'all' | 'mapped' | 'unmapped';

export interface MapperState {
  /** The template as the core last gave it (loaded or saved): its version is what a save is checked against. */
  tpl: TemplateView | null;
  entries: Entries;
  meta: Meta;
  /** Changed since the last load or save. */
  dirty: boolean;
  /** The chosen field's name, and the preview page. */
  selected: string | null;
  page: number;
  filter: string;
  show: Show;
  saving: boolean;
  saveError: ErrorInfo | null;
  metaErrors: MetaErrors;
  /** After a save: how many fields the saved map fills (the "Saved" message). */
  savedCount: number | null;
  /** "Leave with unsaved changes?" is asked. */
  leaving: boolean;
  test: {
    person: PersonSummary | null;
    busy: boolean;
    error: ErrorInfo | null;
    result: FilledPdf | null;
    saved: DeliveryState | null;
  };
  showing: 'blank' | 'test';
}

export type MapperAction =
  | { type: 'loaded'; tpl: TemplateView }
  | { type: 'select'; field: FieldInfo }
  | { type: 'page'; page: number }
  | { type: 'meta'; key: MetaKey; value: string }
  | { type: 'entry'; name: string; entry: MapEntry | undefined }
  | { type: 'dropStrays' }
  | { type: 'filter'; value: string }
  | { type: 'show'; value: Show }
  | { type: 'saveBegin' }
  | { type: 'saveFailed'; error: ErrorInfo }
  | { type: 'saved'; tpl: TemplateView }
  | { type: 'leave' }
  | { type: 'stay' }
  | { type: 'testPerson'; person: PersonSummary | null }
  | { type: 'testBegin' }
  | { type: 'testFilling' }
  | { type: 'testFailed'; error: ErrorInfo }
  | { type: 'testDone'; result: FilledPdf }
  | { type: 'testSaved'; saved: DeliveryState }
  | { type: 'showing'; which: 'blank' | 'test' };

const FORM_CODE = /^[a-z0-9-]+$/;

export const initialMapperState: MapperState = {
  tpl: null,
  entries: {},
  meta: { name: '', form: '', edition: '' },
  dirty: false,
  selected: null,
  page: 1,
  filter: '',
  show: 'all',
  saving: false,
  saveError: null,
  metaErrors: {},
  savedCount: null,
  leaving: false,
  test: { person: null, busy: false, error: null, result: null, saved: null },
  showing: 'blank',
};

/** Which of name, form code and edition a save would refuse. */
export function metaErrors(meta: Meta): MetaErrors {
  const errs: MetaErrors = {};
  if (meta.name.trim() === '') errs.name = true;
  if (!FORM_CODE.test(meta.form.trim())) errs.form = true;
  if (meta.edition.trim() === '') errs.edition = true;
  return errs;
}

/** The first of the template's fields a save refused, in screen order; null when all are fine. */
export function firstMetaError(errs: MetaErrors): MetaKey | null {
  return errs.name ? 'name' : errs.form ? 'form' : errs.edition ? 'edition' : null;
}

/** The map and the template fields as the core has them: a clean slate after a load or a save. */
function adopt(state: MapperState, tpl: TemplateView): MapperState {
  return {
    ...state,
    tpl,
    entries: { ...(tpl.map?.fields ?? {}) },
    meta: {
      name: tpl.name,
      form: tpl.map?.form ?? (tpl.form === 'custom' ? 'custom' : tpl.form),
      edition: tpl.map?.edition ?? tpl.edition ?? '',
    },
    dirty: false,
  };
}

/** Mapped fields this blank does not have (a map carried over from another edition). */
export function strayFields(state: MapperState): string[] {
  const names = new Set((state.tpl?.fields ?? []).map((f) => f.name));
  return Object.keys(state.entries).filter((n) => !names.has(n));
}

/** Mapped fields whose transform does not suit the field's type in this blank. */
export function wrongTypeFields(state: MapperState): string[] {
  return (state.tpl?.problems ?? []).filter((p) => p.problem === 'wrong-type' && state.entries[p.field]).map((p) => p.field);
}

/** The fields the list shows: the filter (label or name) and the mapped/unmapped choice. */
export function visibleFields(state: MapperState): FieldInfo[] {
  const q = state.filter.trim().toLowerCase();
  return (state.tpl?.fields ?? []).filter((f) => {
    if (state.show === 'mapped' && !state.entries[f.name]) return false;
    if (state.show === 'unmapped' && state.entries[f.name]) return false;
    return !q || f.label.toLowerCase().includes(q) || f.name.toLowerCase().includes(q);
  });
}

export function mapperReducer(state: MapperState, action: MapperAction): MapperState {
  switch (action.type) {
    case 'loaded': {
      // The first field on a page is chosen, so the preview shows where it is.
      const first = action.tpl.fields.find((f) => f.page > 0);
      const next = adopt(state, action.tpl);
      return first ? { ...next, selected: first.name, page: first.page } : next;
    }
    case 'select':
      return { ...state, selected: action.field.name, page: action.field.page > 0 ? action.field.page : state.page };
    case 'page':
      return { ...state, page: action.page };
    case 'meta': {
      // Form codes are lowercase ("g-28"): typed capitals are folded, not refused.
      const value = action.key === 'form' ? action.value.toLowerCase() : action.value;
      return { ...state, meta: { ...state.meta, [action.key]: value }, dirty: true };
    }
    case 'entry': {
      const entries = { ...state.entries };
      if (action.entry) entries[action.name] = action.entry;
      else delete entries[action.name];
      return { ...state, entries, dirty: true, savedCount: null };
    }
    case 'dropStrays': {
      const drop = new Set([...strayFields(state), ...wrongTypeFields(state)]);
      return { ...state, entries: Object.fromEntries(Object.entries(state.entries).filter(([n]) => !drop.has(n))), dirty: true };
    }
    case 'filter':
      return { ...state, filter: action.value };
    case 'show':
      return { ...state, show: action.value };
    case 'saveBegin': {
      const errs = metaErrors(state.meta);
      return { ...state, metaErrors: errs, saveError: null, savedCount: null, saving: firstMetaError(errs) === null };
    }
    case 'saveFailed':
      return { ...state, saving: false, saveError: action.error };
    case 'saved':
      return { ...adopt(state, action.tpl), saving: false, savedCount: Object.keys(action.tpl.map?.fields ?? {}).length };
    case 'leave':
      return { ...state, leaving: true };
    case 'stay':
      return { ...state, leaving: false };
    case 'testPerson':
      return { ...state, test: { ...state.test, person: action.person } };
    case 'testBegin':
      return { ...state, test: { ...state.test, error: null, saved: null } };
    case 'testFilling':
      return { ...state, test: { ...state.test, busy: true } };
    case 'testFailed':
      return { ...state, test: { ...state.test, busy: false, error: action.error } };
    case 'testDone':
      return { ...state, test: { ...state.test, busy: false, result: action.result }, showing: 'test' };
    case 'testSaved':
      return { ...state, test: { ...state.test, saved: action.saved } };
    case 'showing':
      return { ...state, showing: action.which };
  }
}
