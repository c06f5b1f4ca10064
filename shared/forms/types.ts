/**
 * Plain shapes that cross the core/UI boundary for PDF forms. Nothing here
 * carries client data except `OverflowItem.value`, which the UI may show but
 * which must never be logged.
 */

export const FIELD_TYPES = ['text', 'checkbox', 'radio', 'dropdown', 'list', 'button', 'signature'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldInfo {
  /** Fully qualified AcroForm name, e.g. `form1[0].#subform[0].PtAILine4_LastName[0]`. */
  name: string;
  type: FieldType;
  /** The /TU alternate name: the form's own human label for the field. */
  label: string;
  /** 1-based page of the field's first widget (0 when no widget is on a page). */
  page: number;
  /** Export values (checkbox, radio) or choices (dropdown, list). */
  options: string[];
  maxLen?: number;
  comb?: boolean;
}

export interface OverflowItem {
  field: string;
  label: string;
  /** The complete value, as printed on the addendum page. */
  value: string;
}

export type FillWarningCode = 'EDITION_MISMATCH' | 'FIELD_MISSING' | 'FIELD_TYPE' | 'BAD_VALUE' | 'OPTION_NOT_FOUND' | 'GLYPH_MISSING';

/** Warnings name fields and problems, never values: they may reach logs. */
export interface FillWarning {
  code: FillWarningCode;
  field?: string;
  message: string;
}

export interface EditionReport {
  /** True when the blank's sha256 is the one the map was written for. */
  shaMatches: boolean;
  /** Mapped fields the blank does not have. */
  missing: string[];
  /** Fields in the blank that the map's edition did not have. */
  added: string[];
}
