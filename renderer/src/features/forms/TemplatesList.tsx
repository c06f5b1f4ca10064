/**
 * The imported blanks: name, form, edition, status (ready to fill, or a
 * draft that needs its map reviewed), with "Map fields" and a two-step
 * "Delete".
 */
import { useState } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { TemplateSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { formLabel, formsErrorText } from './lib';

export function StatusPill({ status }: { status: TemplateSummary['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`pill ${status === 'ready' ? 'pill--ok' : 'pill--warning'}`}>
      {status === 'ready' ? t('forms.status.ready') : t('forms.status.draft')}
    </span>
  );
}

export function TemplatesList({
  templates,
  onOpenMapper,
  onChanged,
}: {
  templates: TemplateSummary[] | null;
  onOpenMapper(id: string): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const remove = async (tpl: TemplateSummary) => {
    setError(null);
    const res = await call('forms.deleteTemplate', { id: tpl.id, version: tpl.version });
    setConfirming(null);
    if (!res.ok) setError(res.error);
    onChanged();
  };

  if (!templates) return <p className="muted">{t('forms.templates.loading')}</p>;
  return (
    <>
      <FormAlert id="forms-templates-alert" message={error ? formsErrorText(t, error) : null} />
      {templates.length === 0 ? (
        <p className="muted" data-testid="templates-empty">
          {t('forms.templates.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table templates-table" aria-label={t('forms.templates.table')}>
            <thead>
              <tr>
                <th scope="col">{t('forms.templates.name')}</th>
                <th scope="col">{t('forms.templates.form')}</th>
                <th scope="col">{t('forms.templates.edition')}</th>
                <th scope="col">{t('forms.templates.status')}</th>
                <th scope="col">{t('forms.templates.fields')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('forms.templates.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.map((tpl) => (
                <tr key={tpl.id} data-testid="template-row">
                  <th scope="row">
                    {tpl.name}
                    {tpl.fileName ? <span className="tpl-file">{tpl.fileName}</span> : null}
                  </th>
                  <td>{tpl.form === 'custom' ? t('forms.templates.custom') : formLabel(tpl.form)}</td>
                  <td>{tpl.edition ?? '—'}</td>
                  <td>
                    <StatusPill status={tpl.status} />
                    {tpl.status === 'draft' ? (
                      <span className="field-hint block">
                        {tpl.mapped ? t('forms.templates.draftMapped') : t('forms.templates.draftUnmapped')}
                      </span>
                    ) : null}
                  </td>
                  <td>{tpl.fieldCount}</td>
                  <td className="row-actions">
                    {confirming === tpl.id ? (
                      <>
                        <button type="button" className="btn btn-small btn-danger-outline" onClick={() => void remove(tpl)}>
                          {t('forms.templates.confirmDelete', { name: tpl.name })}
                        </button>
                        <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(null)}>
                          {t('forms.templates.keep')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => onOpenMapper(tpl.id)}
                          aria-label={t('forms.templates.mapNamed', { name: tpl.name })}
                        >
                          {t('forms.templates.map')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-quiet"
                          onClick={() => setConfirming(tpl.id)}
                          aria-label={t('forms.templates.deleteNamed', { name: tpl.name })}
                        >
                          {t('forms.templates.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
