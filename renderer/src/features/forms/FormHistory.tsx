/**
 * Every form produced for a person: who filled which form and edition, when,
 * and the first digits of the output's SHA-256 (the vault keeps the hash,
 * never the PDF), so a printed copy can be matched to its record.
 */
import { useId } from 'react';
import { useCoreQuery } from '../../query';
import type { FormFillView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { formLabel, formsErrorText, localDateTime, shortSha } from './lib';

/** A fill or a summary delivered refetches this (the `forms` reads): no refresh prop to pass down. */
export function FormHistory({ personId, headingLevel = 3 }: { personId: string; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const id = useId();
  const history = useCoreQuery('forms.history', { personId });
  const current = history.data ?? null;
  const error = history.error?.info ?? null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const edition = (r: FormFillView) => {
    if (r.kind === 'summary') return r.edition === 'es' ? t('forms.history.summaryEs') : t('forms.history.summaryEn');
    return r.edition ?? '—';
  };
  const notes = (r: FormFillView) =>
    [
      r.editionMismatch ? t('forms.history.mismatch') : null,
      r.overflowCount > 0 ? t('forms.history.overflow', { count: r.overflowCount }) : null,
      r.warningCount > 0 ? t('forms.history.warnings', { count: r.warningCount }) : null,
      r.flattened ? t('forms.history.flattened') : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className="form-history" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t('forms.history.title')}</Heading>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      {!current ? (
        <p className="muted">{t('forms.history.loading')}</p>
      ) : current.length === 0 ? (
        <p className="muted">{t('forms.history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table history-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('forms.history.when')}</th>
                <th scope="col">{t('forms.history.form')}</th>
                <th scope="col">{t('forms.history.edition')}</th>
                <th scope="col">{t('forms.history.kind')}</th>
                <th scope="col">{t('forms.history.by')}</th>
                <th scope="col">{t('forms.history.sha')}</th>
                <th scope="col">{t('forms.history.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{localDateTime(r.filledAt, lang)}</td>
                  <td>{r.kind === 'summary' ? t('forms.history.summary') : formLabel(r.form)}</td>
                  <td>{edition(r)}</td>
                  <td>{t(`forms.history.kind.${r.kind}`)}</td>
                  <td>{r.filledBy}</td>
                  <td>
                    <code className="mono" title={r.outputSha256}>
                      {shortSha(r.outputSha256)}
                    </code>
                  </td>
                  <td>{notes(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
