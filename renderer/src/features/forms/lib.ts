/**
 * Small helpers of the Forms UI: localized error text for the PDF error codes, and the
 * short forms of names and hashes shown in tables. Nothing here stores
 * anything: PDFs live in memory until the user saves them.
 */
import { errorKey, isMessageKey, type Lang, type MessageKey, type MessageParams } from '../../../../shared/i18n';
import { formatDateTime, formatMaybeDate } from '../../../../shared/i18n/dates';
import type { ErrorInfo } from '../../../../shared/errors';
import { formatUsDate } from '../../../../shared/schemas/dates';

/** The first 12 hex digits: enough to tell two files apart at a glance. */
export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 12) : '');

/** "Núñez, María José"; a mononym stays as it is. */
export const personLabel = (p: { givenName: string; familyName: string }): string =>
  p.familyName ? `${p.familyName}, ${p.givenName}` : p.givenName;

/** MM/DD/YYYY, for the value of a date field (typed dates are MM/DD/YYYY in both languages). */
export const usDate = (iso: string | null | undefined): string => (iso ? formatUsDate(iso) : '');

/** A calendar date for a person to read, in the UI language. */
export const showDate = (iso: string | null | undefined, lang: Lang): string => formatMaybeDate(iso, lang);

export const localDateTime = (iso: string, lang: Lang): string => formatDateTime(iso, lang);

/** 'g-28' -> 'G-28'; 'custom' and other codes stay as they are. */
export const formLabel = (form: string): string => (/^[a-z]+-\d+[a-z]?$/.test(form) ? form.toUpperCase() : form);

type T = (key: MessageKey, params?: MessageParams) => string;

/** The edition differences a PDF_WRONG_EDITION error carries. */
export interface EditionDetails {
  form: string;
  edition: string;
  missing: string[];
  added: string[];
}

export function editionDetails(error: ErrorInfo | null | undefined): EditionDetails | null {
  if (!error || error.code !== 'PDF_WRONG_EDITION') return null;
  const d = (error.details ?? {}) as Partial<EditionDetails>;
  return {
    form: typeof d.form === 'string' ? d.form : '',
    edition: typeof d.edition === 'string' ? d.edition : '',
    missing: Array.isArray(d.missing) ? d.missing.filter((x): x is string => typeof x === 'string') : [],
    added: Array.isArray(d.added) ? d.added.filter((x): x is string => typeof x === 'string') : [],
  };
}

/**
 * A localized sentence for an error from the forms ops. The PDF codes get
 * the "what to do" wording; zod messages that are catalog keys are used as
 * they are; anything else falls back to the generic text for the code.
 */
export function formsErrorText(t: T, error: ErrorInfo): string {
  switch (error.code) {
    case 'PDF_INVALID':
      return t('forms.err.invalid');
    case 'PDF_NEEDS_PASSWORD':
      return t('forms.err.password');
    case 'PDF_NO_FORM':
      return t('forms.err.noForm');
    case 'PDF_WRONG_EDITION':
      return t('forms.err.edition');
    case 'NOT_FOUND': {
      const form = (error.details as { form?: unknown } | undefined)?.form;
      if (typeof form === 'string') return t('forms.err.noBlank', { form: formLabel(form) });
      break;
    }
    case 'INVALID_INPUT': {
      const issues = (error.details as { issues?: Array<{ message?: unknown }> } | undefined)?.issues;
      const key = issues?.map((i) => i.message).find(isMessageKey);
      if (key) return t(key);
      if (/another batch/i.test(error.message)) return t('forms.err.batchRunning');
      break;
    }
  }
  return t(errorKey(error.code));
}

/** The problems a rejected map comes back with (forms.saveTemplate). */
export function mapProblems(error: ErrorInfo | null | undefined): Array<{ field: string; problem: string }> {
  const d = error?.details as { problems?: Array<{ field?: unknown; problem?: unknown }>; paths?: unknown[] } | undefined;
  const out: Array<{ field: string; problem: string }> = [];
  for (const p of d?.problems ?? []) if (typeof p.field === 'string') out.push({ field: p.field, problem: String(p.problem ?? '') });
  for (const p of d?.paths ?? []) if (typeof p === 'string') out.push({ field: p, problem: 'path' });
  return out;
}

/**
 * The item of a USCIS field label without the section titles before it:
 * "Part 1. Information About … Representative. 2. A. Enter Family Name (Last
 * Name)." -> "Part 1 · 2. A. Enter Family Name (Last Name)." Other labels
 * come back whole.
 */
export function shortFieldLabel(label: string): string {
  const item = /(?:^|\.\s)(\d+\.\s?(?:[A-Z]\.\s?)?\S.*)$/.exec(label)?.[1];
  if (!item || item === label) return label;
  const part = /^Part (\d+)\./.exec(label)?.[1];
  return part ? `Part ${part} · ${item}` : item;
}
