/**
 * Who is due an EOIR check (issue 14 §4): detained clients not checked in 7
 * days, the others in 30 (settable by a lead). "Print call sheet" prints just
 * the sheet: A-number and name, one line each, for the hotline calls.
 */
import { useState } from 'react';
import { formatANumber } from '../../../../shared/schemas/anumber';
import { useI18n } from '../../i18n';
import { useCoreQuery } from '../../query';
import { dueDate } from '../deadlines/format';
import { useNavigation } from '../people/navigation';

export function EoirDue() {
  const { t, lang } = useI18n();
  const nav = useNavigation();
  const due = useCoreQuery('eoir.due', {});
  const [printing, setPrinting] = useState(false);
  const rows = due.data?.rows ?? [];

  function print() {
    // The print stylesheet shows only the sheet while this class is on the body.
    document.body.classList.add('print-call-sheet');
    setPrinting(true);
    const done = () => {
      document.body.classList.remove('print-call-sheet');
      setPrinting(false);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  return (
    <section className="panel eoir-due" aria-labelledby="eoir-due-title">
      <h3 id="eoir-due-title">{t('eoir.due.title', { count: rows.length })}</h3>
      {due.data ? (
        <p className="panel-intro">
          {t('eoir.due.intro', { detained: due.data.intervals.detainedDays, other: due.data.intervals.otherDays })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <ul className="eoir-due-list">
            {rows.map((r) => (
              <li key={r.personId}>
                <button type="button" className="btn-link" onClick={() => nav.openPerson(r.personId)}>
                  {r.name}
                </button>{' '}
                <span className="mono">{formatANumber(r.aNumber)}</span>
                {r.detained ? ` · ${t('eoir.due.detained')}${r.facility ? `: ${r.facility}` : ''}` : ''}
                {' · '}
                {r.lastCheckedAt
                  ? t('eoir.due.last', { when: dueDate(r.lastCheckedAt.slice(0, 10), lang), days: r.daysSince ?? 0 })
                  : t('eoir.due.never')}
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={print} disabled={printing}>
            {t('eoir.due.print')}
          </button>
          <div className="call-sheet" aria-hidden={!printing}>
            <h1>{t('eoir.sheet.title', { date: due.data ? dueDate(due.data.today, lang) : '' })}</h1>
            <ol>
              {rows.map((r) => (
                <li key={r.personId}>
                  <span className="mono">{formatANumber(r.aNumber)}</span> {r.name}
                </li>
              ))}
            </ol>
          </div>
        </>
      ) : due.data ? (
        <p>{t('eoir.due.none')}</p>
      ) : null}
    </section>
  );
}
