/**
 * The EOIR status log on a person (issue 14 §4): the paralegal types what
 * EOIR's automated case information said; when it differs from the docket the
 * changes are shown with one button that updates the case and its hearing
 * (eoir.apply: one core transaction, deadlines recomputed). Earlier checks are
 * listed below, newest first.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { EoirDifference, EoirRecordResult } from '../../../../shared/eoir';
import type { PersonView } from '../../../../shared/views';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { CASE_READS, coreErrorCode, useCoreMutation, useCoreQuery, type CoreQueryError } from '../../query';
import { FormAlert } from '../../components/FormAlert';
import { SelectInput, TextInput } from '../deadlines/fields';
import { dueDate, instant, parseDateInput } from '../deadlines/format';
import { formatANumber } from '../../../../shared/schemas/anumber';

interface Values {
  channel: 'hotline' | 'portal';
  date: string;
  time: string;
  kind: '' | 'master' | 'individual';
  judge: string;
  court: string;
  decision: string;
  decisionDate: string;
  appealStatus: string;
}

const EMPTY: Values = {
  channel: 'hotline',
  date: '',
  time: '',
  kind: '',
  judge: '',
  court: '',
  decision: '',
  decisionDate: '',
  appealStatus: '',
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function EoirPanel({ view }: { view: PersonView }) {
  const { t, lang } = useI18n();
  const log = useCoreQuery('eoir.list', { personId: view.id });
  const record = useCoreMutation('eoir.record', { invalidates: ['eoir'] });
  const apply = useCoreMutation('eoir.apply', { invalidates: [...CASE_READS, 'eoir'] });
  const { register, handleSubmit, reset } = useForm<Values>({ defaultValues: EMPTY });
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<EoirRecordResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const id = (k: string) => `eoir-${k}`;

  if (!view.person.aNumber) {
    return (
      <section className="panel" aria-labelledby="eoir-title">
        <h3 id="eoir-title">{t('eoir.title')}</h3>
        <p>{t('eoir.noANumber')}</p>
      </section>
    );
  }

  const submit = handleSubmit(async (v) => {
    setStatus(null);
    const date = v.date.trim() ? parseDateInput(v.date) : null;
    const decisionDate = v.decisionDate.trim() ? parseDateInput(v.decisionDate) : null;
    const bad = (field: string, key: MessageKey) => {
      setProblem(t(key));
      document.getElementById(id(field))?.focus();
    };
    if (v.date.trim() && !date) return bad('date', 'date.invalid');
    if (v.time.trim() && !TIME.test(v.time.trim())) return bad('time', 'time.invalid');
    if (v.decisionDate.trim() && !decisionDate) return bad('decisionDate', 'date.invalid');
    setProblem(null);
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    try {
      const r = await record.mutateAsync({
        personId: view.id,
        channel: v.channel,
        ...(date ? { hearing: { date, ...(text(v.time) ? { time: v.time.trim() } : {}), ...(v.kind ? { kind: v.kind } : {}) } } : {}),
        ...(text(v.judge) ? { judge: text(v.judge) } : {}),
        ...(text(v.court) ? { court: text(v.court) } : {}),
        ...(text(v.decision) ? { decision: text(v.decision) } : {}),
        ...(decisionDate ? { decisionDate } : {}),
        ...(text(v.appealStatus) ? { appealStatus: text(v.appealStatus) } : {}),
      });
      setResult(r);
      reset(EMPTY);
      requestAnimationFrame(() => document.getElementById('eoir-result')?.focus());
    } catch (e) {
      setProblem(t(errorKey(coreErrorCode(e as CoreQueryError) ?? 'INTERNAL')));
    }
  });

  async function applyResult(r: EoirRecordResult) {
    const c = view.cases.find((x) => x.id === r.caseId);
    if (!c) return;
    try {
      await apply.mutateAsync({ checkId: r.check.id, caseId: c.id, caseVersion: c.version });
      setResult(null);
      setStatus(t('eoir.applied'));
    } catch (e) {
      setProblem(t(errorKey(coreErrorCode(e as CoreQueryError) ?? 'INTERNAL')));
    }
  }

  const show = (d: EoirDifference, side: 'docket' | 'eoir') => {
    const v = d[side];
    if (v === null) return t('eoir.none');
    return d.field === 'hearingDate' ? dueDate(v, lang) : d.field === 'hearingKind' ? t(`eoir.kind.${v}` as MessageKey) : v;
  };

  return (
    <section className="panel eoir-panel" aria-labelledby="eoir-title">
      <h3 id="eoir-title">{t('eoir.title')}</h3>
      <p className="panel-intro">{t('eoir.intro', { aNumber: formatANumber(view.person.aNumber) })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('eoir.formLabel')}>
        <FormAlert id="eoir-alert" message={problem} />
        <div className="field-row">
          <SelectInput
            id={id('channel')}
            label={t('eoir.channel')}
            className="field--medium"
            registration={register('channel')}
            options={[
              { value: 'hotline', label: t('eoir.channel.hotline') },
              { value: 'portal', label: t('eoir.channel.portal') },
            ]}
          />
          <TextInput
            id={id('date')}
            label={t('eoir.nextHearing')}
            hint={t('deadlines.dateHint')}
            className="field--short"
            registration={register('date')}
          />
          <TextInput
            id={id('time')}
            label={t('eoir.time')}
            hint={t('eoir.timeHint')}
            className="field--short"
            registration={register('time')}
          />
          <SelectInput
            id={id('kind')}
            label={t('eoir.hearingKind')}
            className="field--medium"
            registration={register('kind')}
            options={[
              { value: '', label: t('eoir.kind.unknown') },
              { value: 'master', label: t('eoir.kind.master') },
              { value: 'individual', label: t('eoir.kind.individual') },
            ]}
          />
        </div>
        <div className="field-row">
          <TextInput id={id('judge')} label={t('eoir.judge')} className="field--grow" registration={register('judge')} />
          <TextInput id={id('court')} label={t('eoir.court')} className="field--grow" registration={register('court')} />
        </div>
        <div className="field-row">
          <TextInput id={id('decision')} label={t('eoir.decision')} className="field--grow" registration={register('decision')} />
          <TextInput
            id={id('decisionDate')}
            label={t('eoir.decisionDate')}
            hint={t('deadlines.dateHint')}
            className="field--short"
            registration={register('decisionDate')}
          />
          <TextInput
            id={id('appealStatus')}
            label={t('eoir.appealStatus')}
            className="field--grow"
            registration={register('appealStatus')}
          />
        </div>
        <div className="actions actions--start">
          <button type="submit" className="btn btn-primary" disabled={record.isPending}>
            {t('eoir.record')}
          </button>
        </div>
      </form>
      <div id="eoir-result" tabIndex={-1} className="eoir-result" role="status">
        {result ? (
          result.differences.length === 0 ? (
            <p>{t('eoir.agrees')}</p>
          ) : (
            <>
              <p>{t('eoir.differs')}</p>
              <table className="eoir-diff">
                <thead>
                  <tr>
                    <th scope="col">{t('eoir.col.field')}</th>
                    <th scope="col">{t('eoir.col.docket')}</th>
                    <th scope="col">{t('eoir.col.eoir')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.differences.map((d) => (
                    <tr key={d.field}>
                      <th scope="row">{t(`eoir.field.${d.field}` as MessageKey)}</th>
                      <td>{show(d, 'docket')}</td>
                      <td>{show(d, 'eoir')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.caseId ? (
                <button type="button" className="btn btn-primary" disabled={apply.isPending} onClick={() => void applyResult(result)}>
                  {t('eoir.apply')}
                </button>
              ) : (
                <p>{t('eoir.noCase')}</p>
              )}
            </>
          )
        ) : null}
        {status ? <p className="form-status">{status}</p> : null}
      </div>
      <h4>{t('eoir.log')}</h4>
      {log.data && log.data.length > 0 ? (
        <ul className="eoir-log">
          {log.data.map((c) => (
            <li key={c.id}>
              {t('eoir.logLine', {
                when: instant(c.checkedAt, lang),
                who: c.checkedBy,
                channel: c.channel,
                hearing: c.hearing ? `${dueDate(c.hearing.date, lang)}${c.hearing.time ? ` ${c.hearing.time}` : ''}` : t('eoir.none'),
              })}
              {c.judge ? ` · ${t('eoir.judge')}: ${c.judge}` : ''}
              {c.decision ? ` · ${t('eoir.decision')}: ${c.decision}${c.decisionDate ? ` (${dueDate(c.decisionDate, lang)})` : ''}` : ''}
              {c.appealStatus ? ` · ${t('eoir.appealStatus')}: ${c.appealStatus}` : ''}
              {c.applied ? ` · ${t('eoir.appliedMark')}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('eoir.neverChecked')}</p>
      )}
    </section>
  );
}
