import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { ProblemSummary, type Problem } from '../../components/ProblemSummary';
import { fieldId } from './fields';

/** Every leaf error of a react-hook-form errors object, as "a.b.0.c" paths. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Array<{ name: string; message: string }> {
  const out: Array<{ name: string; message: string }> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const v = value as { message?: unknown; type?: unknown };
    if (typeof v.message === 'string' && typeof v.type === 'string') out.push({ name, message: v.message });
    else out.push(...flattenErrors(value as FieldErrors, name));
  }
  return out;
}

function labelFor(id: string): string {
  const el = document.getElementById(id);
  if (!el) return '';
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (label && !(el as HTMLInputElement).type?.startsWith('radio')) return label.textContent?.trim() ?? '';
  const legend = el.closest('fieldset')?.querySelector('legend');
  return legend?.textContent?.trim() ?? label?.textContent?.trim() ?? '';
}

/**
 * The summary of a react-hook-form form, shown after a save attempt with
 * errors: each line names the field by its on-screen label and moves focus
 * to it. Ordered as the fields are on screen.
 */
export function ErrorSummary({ idPrefix }: { idPrefix: string }) {
  const { t, tv } = useI18n();
  const { errors, submitCount } = useFormState();
  const problems: Problem[] = flattenErrors(errors).map((e) => {
    const id = fieldId(idPrefix, e.name);
    return { id, label: labelFor(id) || e.name, message: tv(e.message) ?? '' };
  });
  problems.sort((a, b) => {
    const x = document.getElementById(a.id);
    const y = document.getElementById(b.id);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  const shown = submitCount > 0 ? problems : [];
  return <ProblemSummary id={`${idPrefix}-error-summary`} title={t('intake.errorSummary', { count: shown.length })} problems={shown} />;
}

/**
 * After a failed save: opens any collapsed section holding an invalid field,
 * then focuses the first invalid field on screen.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, openSections?: (ids: string[]) => boolean) {
  const [request, setRequest] = useState(0);
  const opened = useRef(0);
  useEffect(() => {
    if (request === 0) return;
    let frame = 0;
    let tries = 30;
    const attempt = () => {
      const root = formRef.current;
      const invalid = root ? [...root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')] : [];
      // react-hook-form publishes errors to the fields a moment after onInvalid: wait for them.
      if (invalid.length === 0) {
        if (tries-- > 0) frame = requestAnimationFrame(attempt);
        return;
      }
      const closed = invalid.filter((el) => el.closest('[hidden]') !== null);
      const sections = [
        ...new Set(closed.map((el) => el.closest<HTMLElement>('[data-section]')?.dataset.section).filter((x): x is string => !!x)),
      ];
      if (sections.length > 0 && opened.current !== request && openSections?.(sections)) {
        opened.current = request;
        return; // runs again once the sections are open
      }
      const first = invalid.find((el) => el.offsetParent !== null) ?? invalid[0];
      first?.focus();
      setRequest(0);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [request, formRef, openSections]);
  return useCallback(() => setRequest((n) => n + 1), []);
}
