/**
 * On a person's record: the case summary PDF, of the whole record or of one
 * case, in English or Spanish. It is saved through the same helper as form
 * fills, and the case history gains its row only once the file was saved
 * (reports.recordDelivery), as with forms.
 */
import { useId, useState } from 'react';
import { call } from '../../api';
import type { Lang } from '../../../../shared/i18n';
import type { CaseView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { LangSelect, MadePdfButton, MadePdfOutcome, useMadePdf } from '../forms/FillPanel';

export function CaseSummaryButton({ personId, cases, onMade }: { personId: string; cases: readonly CaseView[]; onMade?(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [caseId, setCaseId] = useState('');
  const made = useMadePdf('reports.recordDelivery', onMade);

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
        <LangSelect id={`${id}-lang`} label={t('reports.summary.lang')} value={summaryLang} onChange={setSummaryLang} />
        <MadePdfButton
          made={made}
          label={t('reports.summary.make')}
          onMake={() => void made.make(() => call('reports.summary', { personId, lang: summaryLang, ...(caseId ? { caseId } : {}) }))}
        />
      </div>
      <MadePdfOutcome id={id} made={made} making={t('reports.summary.making')} />
    </section>
  );
}
