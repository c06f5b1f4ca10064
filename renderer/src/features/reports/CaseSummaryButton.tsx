/**
 * On a person's record: the case summary PDF, of the whole record or of one
 * case, in English or Spanish. It is saved through the same helper as form
 * fills, and the case history gains its row only once the file was saved
 * (reports.recordDelivery), as with forms.
 */
import { useId, useState } from 'react';
import { call, saveFile } from '../../api';
import { LANG_NAMES, LANGS, type Lang } from '../../../../shared/i18n';
import type { ErrorInfo } from '../../../../shared/errors';
import type { CaseView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { formsErrorText } from '../forms/lib';
import { SaveMessage, type savePdf } from '../forms/FillPanel';

export type SaveState = Awaited<ReturnType<typeof savePdf>>;

/** Saves a summary where the user chooses, then records its delivery. */
export async function saveSummary(fileName: string, pdf: Uint8Array, token: string): Promise<SaveState> {
  const res = await saveFile(fileName, pdf, 'application/pdf');
  if (!res.ok) return { kind: 'failed' };
  if (!res.value.saved) return { kind: 'notSaved' };
  const recorded = await call('reports.recordDelivery', { token });
  return { kind: 'saved', path: res.value.path, recorded: recorded.ok };
}

export function CaseSummaryButton({ personId, cases, onMade }: { personId: string; cases: readonly CaseView[]; onMade?(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<{ fileName: string; saved: SaveState } | null>(null);

  const make = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await call('reports.summary', { personId, lang: summaryLang, ...(caseId ? { caseId } : {}) });
    if (!res.ok) {
      setBusy(false);
      setError(res.error);
      return;
    }
    const saved = await saveSummary(res.value.fileName, res.value.pdf, res.value.token);
    setBusy(false);
    setDone({ fileName: res.value.fileName, saved });
    if (saved.kind === 'saved') onMade?.();
  };

  return (
    <section className="panel case-summary" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.summary.personTitle')}</h2>
      <div className="field-row field-row--end">
        {cases.length > 0 ? (
          <div className="field field--medium">
            <label htmlFor={`${id}-scope`}>{t('reports.summary.scope')}</label>
            <select id={`${id}-scope`} className="select" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">{t('reports.summary.scopeAll')}</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('reports.summary.scopeCase', { type: t(`enum.caseType.${c.type}`) })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field field--medium">
          <label htmlFor={`${id}-lang`}>{t('reports.summary.lang')}</label>
          <select id={`${id}-lang`} className="select" value={summaryLang} onChange={(e) => setSummaryLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="button" className="btn" disabled={busy} onClick={() => void make()}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t('reports.summary.make')}
          </button>
        </div>
      </div>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      <p role="status" className={done ? undefined : 'visually-hidden'}>
        {done ? <SaveMessage state={done.saved} fileName={done.fileName} /> : busy ? t('reports.summary.making') : ''}
      </p>
    </section>
  );
}
