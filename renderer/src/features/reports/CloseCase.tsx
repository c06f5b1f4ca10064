/**
 * Closing a case (reports.closeCase): outcome, closing date and, where the
 * clinic reports to LSC, the CSR closure category and problem code, plus the
 * codes of any other funder the clinic added. The core checks every code
 * against its list and the case's version; this form only offers the lists.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api';
import { useCoreQuery } from '../../query';
import { errorKey, isMessageKey } from '../../../../shared/i18n';
import type { ErrorInfo } from '../../../../shared/errors';
import { formatUsDate, parseUsDate } from '../../../../shared/schemas/dates';
import { CASE_OUTCOMES, type CaseOutcome, type CaseView, type ReportCode, type ReportCodes } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { DateInput, todayLocal } from './fields';

const LSC = 'LSC';

export function CloseCaseForm({ kase, onDone }: { kase: CaseView; onDone(closed: boolean): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  // The lists offered; none until they come (a failed read offers none, as before).
  const codes: ReportCodes | null = useCoreQuery('reports.codes', {}).data ?? null;
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [closedOn, setClosedOn] = useState(formatUsDate(todayLocal()));
  const [category, setCategory] = useState('');
  const [problem, setProblem] = useState('');
  const [funders, setFunders] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const firstRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const iso = parseUsDate(closedOn);
  const future = iso !== null && iso > todayLocal();
  const list = (funder: string, which: ReportCode['list']) => (codes?.codes ?? []).filter((c) => c.funder === funder && c.list === which);
  const otherFunders = [...new Set((codes?.codes ?? []).map((c) => c.funder).filter((f) => f !== LSC))];
  const typeName = t(`enum.caseType.${kase.type}`);

  const submit = async () => {
    setTried(true);
    if (!outcome || !iso || future) return;
    setBusy(true);
    setError(null);
    const res = await call('reports.closeCase', {
      caseId: kase.id,
      version: kase.version,
      closedOn: iso,
      outcome,
      ...(category ? { closureCategory: category } : {}),
      ...(problem ? { problemCode: problem } : {}),
      funderCodes: Object.fromEntries(Object.entries(funders).filter(([, v]) => v)),
    });
    setBusy(false);
    if (res.ok) onDone(true);
    else setError(res.error);
  };

  const errorText = (e: ErrorInfo) => {
    if (e.code === 'STALE_WRITE') return t('cases.stale');
    const issue = (e.details as { issues?: Array<{ message?: unknown }> } | undefined)?.issues?.map((i) => i.message).find(isMessageKey);
    return issue ? t(issue) : t(errorKey(e.code));
  };

  const codeSelect = (label: string, value: string, onChange: (v: string) => void, options: ReportCode[], key: string) => (
    <div className="field field--grow" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.close.none')}</option>
        {options.map((c) => (
          <option key={c.code} value={c.code}>
            {`${c.code} · ${c.label[lang]}`}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="subgroup close-case"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(false);
        }
      }}
    >
      <h3 id={`${id}-title`}>{t('reports.close.title', { type: typeName })}</h3>
      <div className="field-row">
        <div className="field field--medium">
          <label htmlFor={`${id}-outcome`}>{t('reports.close.outcome')}</label>
          <select
            id={`${id}-outcome`}
            ref={firstRef}
            className="select"
            value={outcome}
            required
            aria-invalid={tried && !outcome ? true : undefined}
            aria-describedby={tried && !outcome ? `${id}-outcome-err` : undefined}
            onChange={(e) => setOutcome(e.target.value as CaseOutcome)}
          >
            <option value="" disabled>
              {t('reports.close.none')}
            </option>
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`reports.outcome.${o}`)}
              </option>
            ))}
          </select>
          {tried && !outcome ? (
            <p id={`${id}-outcome-err`} className="field-error">
              {t('text.required')}
            </p>
          ) : null}
        </div>
        <DateInput
          label={t('reports.close.closedOn')}
          value={closedOn}
          onChange={setClosedOn}
          error={tried && !iso ? t('reports.close.dateInvalid') : tried && future ? t('reports.close.future') : null}
        />
      </div>
      <div className="field-row">
        {codeSelect(t('reports.close.category'), category, setCategory, list(LSC, 'closure'), 'closure')}
        {codeSelect(t('reports.close.problem'), problem, setProblem, list(LSC, 'problem'), 'problem')}
      </div>
      {otherFunders.length > 0 ? (
        <div className="field-row">
          {otherFunders.map((f) =>
            codeSelect(
              t('reports.close.funder', { funder: f }),
              funders[f] ?? '',
              (v) => setFunders((cur) => ({ ...cur, [f]: v })),
              [...list(f, 'closure'), ...list(f, 'problem')],
              `funder-${f.replace(/[^A-Za-z0-9]/g, '_')}`,
            ),
          )}
        </div>
      ) : null}
      {codes ? <p className="field-hint">{t('reports.close.edition', { edition: codes.edition })}</p> : null}
      <FormAlert id={`${id}-alert`} message={error ? errorText(error) : null} />
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('reports.close.save')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(error?.code === 'STALE_WRITE')}>
          {error?.code === 'STALE_WRITE' ? t('person.reload') : t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
