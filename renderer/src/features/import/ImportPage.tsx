/**
 * CSV import: pick a file, see how it was read (encoding, delimiter, which
 * column fills which field), every row checked with its line number, possible
 * duplicates with a choice each, then "Import all" — all or nothing.
 * The import runs as a job in the core: a progress bar follows jobs.status,
 * and Cancel (jobs.cancel) rolls the whole import back.
 * The file is read in memory and sent to the core as base64; nothing is
 * written to disk here.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { bytesToBase64, call, saveText } from '../../api';
import { CASE_READS, invalidateCore } from '../../query';
import type { ImportChoice, ImportIssue, ImportPreview, ImportResult, ImportRowPreview } from '../../../../shared/contract';
import type { JobStatus } from '../../../../shared/views';
import { CSV_FIELDS, type CsvField } from '../../../../shared/csv-fields';
import { errorKey, isMessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormStatus } from '../../components/FormAlert';
import { reasonKey } from '../intake/duplicates';
import { useNavigation } from '../people/navigation';
import { focusWhenReady } from '../intake/focus';

type Mapping = Record<string, CsvField | null>;
type RowChoice = ImportChoice | 'skip-invalid';

interface CommitError {
  code: string;
  issues: ImportIssue[];
  needChoice: number[];
}

/** Besides the name, the cells shown per row (the ones people check by eye). */
const SHOWN_COLUMNS: CsvField[] = ['dob', 'a_number', 'phone'];
const MAX_ROWS_SHOWN = 500;
/** How often the progress bar asks the core how far the import is. */
const POLL_MS = 200;

export function ImportPage() {
  const { t } = useI18n();
  const nav = useNavigation();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; base64: string; size: number } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping | undefined>(undefined);
  const [choices, setChoices] = useState<Record<number, RowChoice>>({});
  const [busy, setBusy] = useState<'reading' | 'previewing' | 'importing' | 'template' | null>(null);
  const [error, setError] = useState<CommitError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [choiceNeeded, setChoiceNeeded] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);
  const cancelledRef = useRef<HTMLParagraphElement>(null);

  const runPreview = async (f: { name: string; base64: string }, map: Mapping | undefined) => {
    setBusy('previewing');
    setError(null);
    setResult(null);
    const res = await call('import.preview', { fileName: f.name.slice(0, 260), dataBase64: f.base64, ...(map ? { mapping: map } : {}) });
    setBusy(null);
    if (res.ok) {
      setPreview(res.value);
    } else {
      setPreview(null);
      setError(commitError(res.error.code, res.error.details));
      focusWhenReady(() => problemsRef.current);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setPreview(null);
    setMapping(undefined);
    setChoices({});
    setResult(null);
    setError(null);
    setChoiceNeeded(false);
    if (!f) return setFile(null);
    setBusy('reading');
    const base64 = bytesToBase64(new Uint8Array(await f.arrayBuffer()));
    const next = { name: f.name, base64, size: f.size };
    setFile(next);
    await runPreview(next, undefined);
  };

  const remap = (header: string, field: CsvField | null) => {
    if (!preview || !file) return;
    const next: Mapping = Object.fromEntries(preview.columns.map((c) => [c.header, c.header === header ? field : c.mappedTo]));
    setMapping(next);
    void runPreview(file, next);
  };

  const commit = async () => {
    if (!file || !preview) return;
    const undecided = preview.rows.filter((r) => r.needsChoice && choices[r.line] === undefined);
    if (undecided.length > 0) {
      setChoiceNeeded(true);
      focusWhenReady(() => document.getElementById(`choice-${undecided[0]!.line}`));
      return;
    }
    setChoiceNeeded(false);
    setBusy('importing');
    setError(null);
    setCancelled(false);
    const wire: Record<string, ImportChoice> = {};
    for (const [line, c] of Object.entries(choices)) wire[line] = c === 'skip-invalid' ? 'skip' : c;
    const res = await call('import.commit', { dataBase64: file.base64, ...(mapping ? { mapping } : {}), choices: wire });
    if (!res.ok) {
      setBusy(null);
      setError(commitError(res.error.code, res.error.details));
      focusWhenReady(() => problemsRef.current);
      return;
    }
    const outcome = await follow(res.value.jobId, setJob);
    // New people, cases and hearings (or, after a cancel, none): every case read, and the jobs list, which may now
    // show the TPS update the import queued.
    void invalidateCore([...CASE_READS, 'jobs']);
    setBusy(null);
    setJob(null);
    setCancelling(false);
    if (outcome.kind === 'done') {
      setResult(outcome.result);
      focusWhenReady(() => document.getElementById('import-result'));
    } else if (outcome.kind === 'cancelled') {
      setCancelled(true);
      focusWhenReady(() => cancelledRef.current);
    } else {
      setError(commitError(outcome.code, outcome.details));
      focusWhenReady(() => problemsRef.current);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    // The follow loop above sees the job end and reports it.
    await call('jobs.cancel', { jobId: job.jobId });
  };

  const template = async () => {
    setBusy('template');
    const res = await call('import.template', {});
    setBusy(null);
    if (res.ok) void saveText(res.value.fileName, res.value.csv, 'text/csv');
    else setError({ code: res.error.code, issues: [], needChoice: [] });
  };

  const rowIssues: ImportIssue[] = preview
    ? [...preview.fileErrors, ...preview.rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })))]
    : [];
  const shownIssues = error?.issues.length ? error.issues : rowIssues;

  return (
    <div className="import-page">
      <section className="panel" aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t('importer.fileTitle')}</h2>
        <p>{t('importer.intro')}</p>
        <div className="field">
          <label htmlFor={inputId}>{t('importer.chooseFile')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            onChange={(e) => void onFile(e)}
            aria-describedby={`${inputId}-hint`}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            {t('importer.fileHint')}
          </p>
        </div>
        <div className="actions actions--start">
          <button type="button" className="btn" onClick={() => void template()} disabled={busy === 'template'}>
            ⤓ {t('importer.template')}
          </button>
        </div>
      </section>

      <Progress busy={busy} rows={preview?.counts.total ?? 0} job={job} />
      {busy === 'importing' ? (
        <div className="actions actions--start">
          <button type="button" className="btn" onClick={() => void cancel()} disabled={!job || cancelling}>
            {cancelling ? t('importer.cancelling') : t('importer.cancel')}
          </button>
        </div>
      ) : null}
      <p ref={cancelledRef} tabIndex={-1} role="status" className={cancelled ? 'notice' : 'visually-hidden'}>
        {cancelled ? t('importer.cancelled') : ''}
      </p>

      {result ? (
        <section className="panel" aria-labelledby="import-result">
          <h2 id="import-result" tabIndex={-1}>
            {t('importer.doneTitle', { count: result.imported })}
          </h2>
          <FormStatus
            message={t('importer.doneBody', {
              imported: result.imported,
              skipped: result.skipped,
              merged: result.merged,
              flagged: result.flagged,
            })}
          />
          <button type="button" className="btn btn-primary" onClick={() => nav.go('people')}>
            {t('importer.openPeople')}
          </button>
        </section>
      ) : null}

      <div ref={problemsRef} tabIndex={-1} className="problems-anchor">
        {error ? <CommitErrors error={error} /> : null}
      </div>

      {preview && !result ? (
        <>
          <section className="panel" aria-labelledby="import-read-title">
            <h2 id="import-read-title">{t('importer.readTitle', { name: file?.name ?? '' })}</h2>
            <dl className="kv kv--inline">
              <div>
                <dt>{t('importer.encoding')}</dt>
                <dd data-testid="import-encoding" className="mono">
                  {preview.encoding}
                </dd>
              </div>
              <div>
                <dt>{t('importer.delimiter')}</dt>
                <dd>
                  {t(
                    preview.delimiter === ','
                      ? 'importer.delim.comma'
                      : preview.delimiter === ';'
                        ? 'importer.delim.semicolon'
                        : 'importer.delim.tab',
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('importer.rows')}</dt>
                <dd>
                  {t('importer.counts', {
                    total: preview.counts.total,
                    valid: preview.counts.valid,
                    invalid: preview.counts.invalid,
                    dups: preview.counts.likelyDuplicates,
                  })}
                </dd>
              </div>
            </dl>
            {preview.encodingNote ? <p className="field-hint">{t('importer.encodingNote', { encoding: preview.encoding })}</p> : null}
            <MappingTable preview={preview} onChange={remap} disabled={busy !== null} />
          </section>

          {!error && shownIssues.length > 0 ? (
            <IssueList issues={shownIssues} title={t('importer.problemsTitle', { count: shownIssues.length })} />
          ) : null}

          <section className="panel" aria-labelledby="import-rows-title">
            <h2 id="import-rows-title">{t('importer.rowsTitle')}</h2>
            <RowsTable preview={preview} choices={choices} setChoice={(line, c) => setChoices((cur) => withChoice(cur, line, c))} />
            {choiceNeeded ? (
              <p className="form-alert" role="alert">
                {t('importer.choiceNeeded')}
              </p>
            ) : null}
            <div className="actions actions--start import-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void commit()}
                disabled={busy !== null || preview.fileErrors.length > 0}
              >
                {t('importer.importAll', { count: preview.counts.total })}
              </button>
              <p className="field-hint">{t('importer.allOrNothing')}</p>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}

function withChoice(cur: Record<number, RowChoice>, line: number, c: RowChoice | undefined): Record<number, RowChoice> {
  const next = { ...cur };
  if (c === undefined) delete next[line];
  else next[line] = c;
  return next;
}

function commitError(code: string, details: unknown): CommitError {
  const d = (details ?? {}) as { errors?: ImportIssue[]; needChoice?: number[] };
  return { code, issues: Array.isArray(d.errors) ? d.errors : [], needChoice: Array.isArray(d.needChoice) ? d.needChoice : [] };
}

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'cancelled' } | { kind: 'failed'; code: string; details: unknown };

/** Follows the import job until it ends, handing each status to `onStatus`; then fetches its result and lets the job go. */
async function follow(jobId: string, onStatus: (s: JobStatus) => void): Promise<Outcome> {
  for (;;) {
    const s = await call('jobs.status', { jobId });
    if (!s.ok) return { kind: 'failed', code: s.error.code, details: s.error.details };
    onStatus(s.value);
    if (s.value.state === 'cancelled') {
      void call('jobs.discard', { jobId });
      return { kind: 'cancelled' };
    }
    if (s.value.state !== 'running') break;
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
  }
  const r = await call('jobs.result', { jobId });
  void call('jobs.discard', { jobId });
  if (r.ok && r.value.kind === 'import.commit') return { kind: 'done', result: r.value.result };
  if (!r.ok && r.error.code === 'CANCELLED') return { kind: 'cancelled' };
  return r.ok ? { kind: 'failed', code: 'INTERNAL', details: null } : { kind: 'failed', code: r.error.code, details: r.error.details };
}

function Progress({ busy, rows, job }: { busy: string | null; rows: number; job: JobStatus | null }) {
  const { t } = useI18n();
  const label =
    busy === 'reading'
      ? t('importer.reading')
      : busy === 'previewing'
        ? t('importer.previewing')
        : busy === 'importing'
          ? t('importer.importing', { count: rows })
          : '';
  return (
    <div className="import-progress" role="status" aria-live="polite">
      {label && busy === 'importing' && job ? (
        <>
          <progress className="progress" aria-label={label} max={100} value={Math.round(job.progress * 100)} />
          <span>{label}</span>
          {/* Shown, not announced: the live region would read it out every few hundred ms; the bar itself carries the value. */}
          <span aria-hidden="true">{t('importer.percent', { percent: Math.round(job.progress * 100) })}</span>
        </>
      ) : label ? (
        <>
          <progress className="progress" aria-label={label} />
          <span>{label}</span>
        </>
      ) : null}
    </div>
  );
}

function useIssueText() {
  const { t } = useI18n();
  return (issue: { line: number; field: CsvField | null; code: string }, withLine = true) => {
    const own = `importer.issue.${issue.code}`;
    const what = isMessageKey(own) ? t(own) : isMessageKey(issue.code) ? t(issue.code) : t('form.invalid');
    if (!withLine) return issue.field ? `${t(`csvField.${issue.field}`)}: ${what}` : what;
    return issue.field
      ? t('importer.issueField', { line: issue.line, field: t(`csvField.${issue.field}`), problem: what })
      : t('importer.issueRow', { line: issue.line, problem: what });
  };
}

function IssueList({ issues, title }: { issues: ImportIssue[]; title: string }) {
  const text = useIssueText();
  return (
    <section className="panel panel--problems" aria-labelledby="import-problems-title">
      <h2 id="import-problems-title">{title}</h2>
      <ul className="issue-list" data-testid="import-issues">
        {issues.slice(0, 200).map((i, n) => (
          <li key={n}>{text(i)}</li>
        ))}
      </ul>
    </section>
  );
}

function CommitErrors({ error }: { error: CommitError }) {
  const { t } = useI18n();
  const text = useIssueText();
  return (
    <div className="form-alert import-errors" role="alert" data-testid="import-errors">
      <p>{error.issues.length || error.needChoice.length ? t('importer.nothingImported') : t(errorKey(error.code))}</p>
      {error.issues.length ? (
        <ul>
          {error.issues.slice(0, 50).map((i, n) => (
            <li key={n}>{text(i)}</li>
          ))}
          {error.issues.length > 50 ? <li>{t('importer.andMore', { count: error.issues.length - 50 })}</li> : null}
        </ul>
      ) : null}
      {error.needChoice.length ? <p>{t('importer.needChoiceLines', { lines: error.needChoice.join(', ') })}</p> : null}
    </div>
  );
}

function MappingTable({
  preview,
  onChange,
  disabled,
}: {
  preview: ImportPreview;
  onChange(header: string, field: CsvField | null): void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table mapping-table">
        <caption>{t('importer.mappingCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importer.colHeader')}</th>
            <th scope="col">{t('importer.colField')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c, i) => (
            <tr key={`${c.header}-${i}`}>
              <th scope="row">
                <label htmlFor={`map-${i}`}>{c.header || t('importer.noHeader', { n: i + 1 })}</label>
              </th>
              <td>
                <select
                  id={`map-${i}`}
                  value={c.mappedTo ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange(c.header, (e.target.value || null) as CsvField | null)}
                >
                  <option value="">{t('importer.ignoreColumn')}</option>
                  {CSV_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`csvField.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowsTable({
  preview,
  choices,
  setChoice,
}: {
  preview: ImportPreview;
  choices: Record<number, RowChoice>;
  setChoice(line: number, c: RowChoice | undefined): void;
}) {
  const { t } = useI18n();
  const mapped = new Set(preview.columns.map((c) => c.mappedTo).filter(Boolean));
  const cols = SHOWN_COLUMNS.filter((c) => mapped.has(c));
  const rows = preview.rows.slice(0, MAX_ROWS_SHOWN);
  return (
    <>
      {preview.rows.length > MAX_ROWS_SHOWN ? (
        <p className="field-hint">{t('importer.rowsCut', { shown: MAX_ROWS_SHOWN, total: preview.rows.length })}</p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table rows-table">
          <thead>
            <tr>
              <th scope="col">{t('importer.line')}</th>
              <th scope="col">{t('people.col.name')}</th>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {t(`csvField.${c}`)}
                </th>
              ))}
              <th scope="col">{t('importer.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <RowLine key={r.line} row={r} cols={cols} choice={choices[r.line]} setChoice={(c) => setChoice(r.line, c)} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RowLine({
  row,
  cols,
  choice,
  setChoice,
}: {
  row: ImportRowPreview;
  cols: CsvField[];
  choice: RowChoice | undefined;
  setChoice(c: RowChoice | undefined): void;
}) {
  const { t } = useI18n();
  const text = useIssueText();
  const bad = row.errors.length > 0;
  const cls = bad ? 'row--error' : row.duplicates.length ? 'row--dup' : undefined;
  return (
    <tr className={cls} data-line={row.line}>
      <th scope="row" className="mono">
        {row.line}
      </th>
      <td>{[row.values.given_name, row.values.family_name].filter(Boolean).join(' ')}</td>
      {cols.map((c) => (
        <td key={c} className="nowrap">
          {row.values[c] ?? ''}
        </td>
      ))}
      <td className="row-status">
        {bad ? (
          <>
            <ul className="issue-list issue-list--inline">
              {row.errors.map((e, i) => (
                <li key={i}>{text({ line: row.line, ...e }, false)}</li>
              ))}
            </ul>
            <div className="checkbox">
              <input
                id={`skip-${row.line}`}
                type="checkbox"
                checked={choice === 'skip-invalid'}
                onChange={(e) => setChoice(e.target.checked ? 'skip-invalid' : undefined)}
              />
              <label htmlFor={`skip-${row.line}`}>{t('importer.skipRow', { line: row.line })}</label>
            </div>
          </>
        ) : row.duplicates.length ? (
          <DuplicateChoice row={row} choice={choice} setChoice={setChoice} />
        ) : (
          <span className="ok-text">✓ {t('importer.rowOk')}</span>
        )}
      </td>
    </tr>
  );
}

const encodeChoice = (c: RowChoice | undefined): string => (c === undefined ? '' : typeof c === 'object' ? `merge:${c.mergeInto}` : c);
const decodeChoice = (v: string): RowChoice | undefined =>
  v === '' ? undefined : v.startsWith('merge:') ? { mergeInto: v.slice(6) } : (v as RowChoice);

function DuplicateChoice({
  row,
  choice,
  setChoice,
}: {
  row: ImportRowPreview;
  choice: RowChoice | undefined;
  setChoice(c: RowChoice | undefined): void;
}) {
  const { t } = useI18n();
  const selectId = `choice-${row.line}`;
  return (
    <div className="row-dups">
      <ul className="dup-reasons">
        {row.duplicates.map((d, i) => (
          <li key={i}>
            <span className={`pill pill--${d.strength === 'likely' ? 'danger' : 'warning'}`}>
              {t(d.strength === 'likely' ? 'dup.likely' : 'dup.possible')}
            </span>{' '}
            {d.source === 'vault' ? t('importer.dupVault', { name: d.name }) : t('importer.dupFile', { name: d.name, line: d.line ?? '?' })}
            {d.reasons.length ? (
              <span className="muted">
                {' '}
                (
                {d.reasons
                  .map((r) => {
                    const k = reasonKey(r);
                    return k ? t(k) : r;
                  })
                  .join('; ')}
                )
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <label htmlFor={selectId} className="inline-label">
        {t('importer.choiceLabel', { line: row.line })}
      </label>
      <select
        id={selectId}
        value={encodeChoice(choice)}
        onChange={(e) => setChoice(decodeChoice(e.target.value))}
        aria-invalid={row.needsChoice && choice === undefined ? true : undefined}
      >
        <option value="">{row.needsChoice ? t('importer.choose') : t('importer.choiceDefault')}</option>
        <option value="import">{t('importer.choice.import')}</option>
        <option value="skip">{t('importer.choice.skip')}</option>
        <option value="import-and-flag">{t('importer.choice.flag')}</option>
        {row.duplicates
          .filter((d) => d.source === 'vault' && d.id)
          .map((d) => (
            <option key={d.id} value={`merge:${d.id}`}>
              {t('importer.choice.merge', { name: d.name })}
            </option>
          ))}
      </select>
    </div>
  );
}
