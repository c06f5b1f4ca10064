/**
 * Exports: people, cases, deadlines and hearings, events and form fills as
 * separate CSV files, or one XLSX workbook with a sheet each. The lead
 * chooses the kinds and the columns; when a chosen column identifies a
 * person (the core marks them), the page says so and waits for a yes before
 * anything is made or saved.
 */
import { useId, useState } from 'react';
import { call, saveFile, saveText, XLSX_MIME } from '../../api';
import { coreErrorCode, useCoreQuery } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { EXPORT_KINDS, type ExportColumn, type ExportKind } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';

type Format = 'csv' | 'xlsx';
type Chosen = Record<ExportKind, Set<string>>;

export function ExportPanel() {
  const { t } = useI18n();
  const id = useId();
  const columnsQuery = useCoreQuery('reports.exportColumns', {});
  const columns: Record<ExportKind, ExportColumn[]> | null = columnsQuery.data ?? null;
  const [format, setFormat] = useState<Format>('csv');
  const [kinds, setKinds] = useState<Set<ExportKind>>(new Set(['people']));
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const loadCode = coreErrorCode(columnsQuery.error);
  const error = actionError ?? (loadCode ? t(errorKey(loadCode)) : null);
  // Every column starts chosen, once, from the first answer: a refetch never undoes the lead's choice.
  if (columns && !chosen) setChosen(Object.fromEntries(EXPORT_KINDS.map((k) => [k, new Set(columns[k].map((c) => c.id))])) as Chosen);

  if (!columns || !chosen) return <FormAlert id={`${id}-alert`} message={error} />;

  const picked = EXPORT_KINDS.filter((k) => kinds.has(k));
  const ordered = (k: ExportKind) => columns[k].filter((c) => chosen[k].has(c.id)).map((c) => c.id);
  const identifyingChosen = picked.flatMap((k) => columns[k].filter((c) => c.identifying && chosen[k].has(c.id)).map((c) => c.id));

  const setColumn = (k: ExportKind, col: string, on: boolean) =>
    setChosen((cur) => {
      if (!cur) return cur;
      const next = new Set(cur[k]);
      if (on) next.add(col);
      else next.delete(col);
      return { ...cur, [k]: next };
    });
  const setAll = (k: ExportKind, which: 'all' | 'anonymous') =>
    setChosen((cur) =>
      cur ? { ...cur, [k]: new Set(columns[k].filter((c) => which === 'all' || !c.identifying).map((c) => c.id)) } : cur,
    );

  const check = (): string | null => {
    if (picked.length === 0) return t('reports.export.noKinds');
    const empty = picked.find((k) => chosen[k].size === 0);
    return empty ? t('reports.export.noColumns', { kind: t(`reports.export.kind.${empty}`) }) : null;
  };

  const start = () => {
    setMessage(null);
    const problem = check();
    setError(problem);
    if (problem) return;
    if (identifyingChosen.length > 0) {
      setConfirming([...new Set(identifyingChosen)]);
      focusWhenReady(() => document.getElementById(`${id}-warn`));
      return;
    }
    void run();
  };

  const run = async () => {
    setConfirming(null);
    setBusy(true);
    setError(null);
    let saved = 0;
    let failed = false;
    let closed = false;
    if (format === 'xlsx') {
      const res = await call('reports.exportXlsx', { kinds: picked, columns: Object.fromEntries(picked.map((k) => [k, ordered(k)])) });
      if (!res.ok || !res.value.xlsx) failed = true;
      else {
        const s = await saveFile(res.value.fileName, res.value.xlsx, XLSX_MIME);
        if (!s.ok) failed = true;
        else if (s.value.saved) saved++;
        else closed = true;
      }
    } else {
      for (const k of picked) {
        const res = await call('reports.exportCsv', { what: k, columns: ordered(k) });
        if (!res.ok || res.value.csv === undefined) {
          failed = true;
          break;
        }
        const s = await saveText(res.value.fileName, res.value.csv, 'text/csv');
        if (!s.ok) {
          failed = true;
          break;
        }
        // A closed save dialog stops the rest: the lead may have changed their mind.
        if (!s.value.saved) {
          closed = true;
          break;
        }
        saved++;
      }
    }
    setBusy(false);
    if (failed) setError(t('reports.export.failed'));
    setMessage(saved > 0 ? t('reports.export.saved', { count: saved }) : closed ? t('reports.export.notSaved') : null);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.export.title')}</h2>
      <p>{t('reports.export.intro')}</p>
      <fieldset className="radio-group">
        <legend>{t('reports.export.format')}</legend>
        {(['csv', 'xlsx'] as const).map((f) => (
          <div className="checkbox" key={f}>
            <input
              id={`${id}-fmt-${f}`}
              type="radio"
              name={`${id}-fmt`}
              checked={format === f}
              disabled={busy}
              onChange={() => setFormat(f)}
            />
            <label htmlFor={`${id}-fmt-${f}`}>{t(f === 'csv' ? 'reports.export.formatCsv' : 'reports.export.formatXlsx')}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>{t('reports.export.kinds')}</legend>
        {EXPORT_KINDS.map((k) => (
          <div className="checkbox" key={k}>
            <input
              id={`${id}-kind-${k}`}
              type="checkbox"
              checked={kinds.has(k)}
              disabled={busy}
              onChange={(e) =>
                setKinds((cur) => {
                  const next = new Set(cur);
                  if (e.target.checked) next.add(k);
                  else next.delete(k);
                  return next;
                })
              }
            />
            <label htmlFor={`${id}-kind-${k}`}>{t(`reports.export.kind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      {picked.map((k) => (
        <details key={k} className="export-columns">
          <summary>
            {t('reports.export.columns', { kind: t(`reports.export.kind.${k}`), chosen: chosen[k].size, total: columns[k].length })}
          </summary>
          <div className="actions actions--start">
            <button type="button" className="btn btn-small" onClick={() => setAll(k, 'all')}>
              {t('reports.export.allColumns')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setAll(k, 'anonymous')}>
              {t('reports.export.noNames')}
            </button>
          </div>
          <fieldset className="radio-group column-grid">
            <legend className="visually-hidden">
              {t('reports.export.columns', { kind: t(`reports.export.kind.${k}`), chosen: chosen[k].size, total: columns[k].length })}
            </legend>
            {columns[k].map((c) => (
              <div className="checkbox" key={c.id}>
                <input
                  id={`${id}-${k}-${c.id}`}
                  type="checkbox"
                  checked={chosen[k].has(c.id)}
                  disabled={busy}
                  onChange={(e) => setColumn(k, c.id, e.target.checked)}
                />
                <label htmlFor={`${id}-${k}-${c.id}`}>
                  <code>{c.id}</code>
                  {c.identifying ? <span className="badge badge--warn">{t('reports.export.identifying')}</span> : null}
                </label>
              </div>
            ))}
          </fieldset>
        </details>
      ))}
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={busy || confirming !== null} onClick={start}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {t('reports.export.save')}
        </button>
      </div>
      {confirming ? (
        <div id={`${id}-warn`} className="warning" role="alertdialog" aria-labelledby={`${id}-warn-text`} tabIndex={-1}>
          <p id={`${id}-warn-text`}>{t('reports.export.namesWarning', { columns: confirming.join(', ') })}</p>
          <div className="actions actions--start">
            <button type="button" className="btn btn-primary" onClick={() => void run()}>
              {t('reports.export.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>
              {t('reports.export.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <FormAlert id={`${id}-alert`} message={error} />
      <p role="status">{busy ? t('reports.export.working') : (message ?? '')}</p>
    </section>
  );
}
