/**
 * Filling one form for one person, and the intake summary sheet. The core
 * fills in memory and hands the PDF back once, as bytes; it goes straight to
 * saveFile (the Electron save dialog, or a browser download), and is kept in
 * memory only so "Save again" works after a cancelled dialog (no second
 * fetch). Only a save that happened is reported to the core
 * (forms.recordDelivery), which then writes the case history row: a closed
 * dialog records nothing. What did not fit (the addendum page) and any
 * warnings are listed under the result.
 */
import { useId, useState } from 'react';
import { call, saveFile } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { FillWarning } from '../../../../shared/forms/types';
import type { FilledPdf, TemplateSummary } from '../../../../shared/views';
import { LANG_NAMES, LANGS, type Lang } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { EditionDiff, fieldTail } from './EditionDiff';
import { editionDetails, formLabel, formsErrorText, type EditionDetails } from './lib';

type SaveState = { kind: 'saved'; path?: string | undefined; recorded: boolean } | { kind: 'notSaved' } | { kind: 'failed' };

/**
 * Asks where to put the PDF (or downloads it), records the delivery in the
 * case history once it is saved, and says what happened.
 */
export async function savePdf(fileName: string, pdf: Uint8Array, token: string): Promise<SaveState> {
  const res = await saveFile(fileName, pdf, 'application/pdf');
  if (!res.ok) return { kind: 'failed' };
  if (!res.value.saved) return { kind: 'notSaved' };
  const recorded = await call('forms.recordDelivery', { token });
  return { kind: 'saved', path: res.value.path, recorded: recorded.ok };
}

export function SaveMessage({ state, fileName, short = false }: { state: SaveState | null; fileName: string; short?: boolean }) {
  const { t } = useI18n();
  if (!state) return null;
  // Saved, but the history has no row for it: say so, the clinic may rely on that history.
  if (state.kind === 'saved' && !state.recorded) return <span className="field-error">{t('forms.save.notRecorded')}</span>;
  if (state.kind === 'saved' && short) return <span className="ok-text">{t('forms.save.savedShort')}</span>;
  if (state.kind === 'saved')
    return <span>{state.path ? t('forms.save.savedTo', { path: state.path }) : t('forms.save.saved', { file: fileName })}</span>;
  if (state.kind === 'notSaved') return <span>{t('forms.save.notSaved')}</span>;
  return <span>{t('forms.save.failed')}</span>;
}

/** "G-28 2022 · g-28.pdf · Ready": the form and edition say more than a long title, and the file tells two imports apart. */
export function templateOptionLabel(t: ReturnType<typeof useI18n>['t'], tpl: TemplateSummary): string {
  const what = tpl.form === 'custom' ? tpl.name : [formLabel(tpl.form), tpl.edition].filter(Boolean).join(' ');
  const status = tpl.status === 'ready' ? t('forms.status.ready') : t('forms.status.draft');
  return [what, tpl.fileName, status].filter(Boolean).join(' · ');
}

/** The templates a fill can use (with a map): ready ones first, and among them the exact official editions. */
export function fillableTemplates(templates: readonly TemplateSummary[] | null): TemplateSummary[] {
  const rank = (x: TemplateSummary) => (x.status === 'ready' ? 2 : 0) + (x.match?.exact ? 1 : 0);
  return (templates ?? []).filter((x) => x.mapped).sort((a, b) => rank(b) - rank(a));
}

export function WarningList({ warnings }: { warnings: FillWarning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="warning fill-warnings">
      <p>{t('forms.fill.warnings', { count: warnings.length })}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {t(`forms.warn.${w.code}`)}
            {w.field ? (
              <>
                {' '}
                <code className="path">{fieldTail(w.field)}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FillResult({ result, saved, onSaveAgain }: { result: FilledPdf; saved: SaveState | null; onSaveAgain(): void }) {
  const { t } = useI18n();
  return (
    <div className="fill-result" data-testid="fill-result">
      <p className="ok-text">
        <strong>{t('forms.fill.done', { count: result.filled, pages: result.pageCount })}</strong>{' '}
        <SaveMessage state={saved} fileName={result.fileName} />
      </p>
      {result.overflow.length > 0 ? (
        <div className="notice fill-overflow">
          <p>{t('forms.fill.overflow', { count: result.overflow.length })}</p>
          <ul>
            {result.overflow.map((o) => (
              <li key={o.field}>{o.label || fieldTail(o.field)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <WarningList warnings={result.warnings} />
      <div className="actions actions--start">
        <button type="button" className="btn btn-small" onClick={onSaveAgain}>
          {t('forms.save.again')}
        </button>
      </div>
    </div>
  );
}

export function FillForm({
  personId,
  templates,
  onFilled,
}: {
  personId: string;
  templates: readonly TemplateSummary[] | null;
  onFilled?(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const fillable = fillableTemplates(templates);
  const [templateId, setTemplateId] = useState<string>('');
  const chosen = fillable.find((x) => x.id === templateId) ?? fillable[0];
  const [flatten, setFlatten] = useState(false);
  const [busy, setBusy] = useState<'filling' | 'saving' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [edition, setEdition] = useState<EditionDetails | null>(null);
  const [result, setResult] = useState<FilledPdf | null>(null);
  const [saved, setSaved] = useState<SaveState | null>(null);

  const save = async (r: FilledPdf) => {
    setBusy('saving');
    const state = await savePdf(r.fileName, r.pdf, r.token);
    setSaved(state);
    setBusy(null);
    if (state.kind === 'saved') onFilled?.();
  };

  const fill = async (accept: boolean) => {
    if (!chosen) return;
    setBusy('filling');
    setError(null);
    setEdition(null);
    setResult(null);
    setSaved(null);
    const res = await call('forms.fill', { templateId: chosen.id, personId, acceptEditionMismatch: accept, flatten });
    if (!res.ok) {
      setBusy(null);
      const diff = editionDetails(res.error);
      if (diff) {
        setEdition(diff);
        focusWhenReady(() => document.getElementById(`${id}-edition`));
      } else setError(res.error);
      return;
    }
    setResult(res.value);
    await save(res.value);
  };

  if (templates && fillable.length === 0) {
    return <p className="muted">{t('forms.fill.noTemplates')}</p>;
  }

  return (
    <div className="fill-form">
      <div className="field-row">
        <div className="field field--grow">
          <label htmlFor={`${id}-template`}>{t('forms.fill.template')}</label>
          <select
            id={`${id}-template`}
            className="select"
            value={chosen?.id ?? ''}
            onChange={(e) => {
              setTemplateId(e.target.value);
              setEdition(null);
              setError(null);
            }}
            disabled={!templates}
          >
            {fillable.map((x) => (
              <option key={x.id} value={x.id}>
                {templateOptionLabel(t, x)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="checkbox">
        <input
          id={`${id}-flatten`}
          type="checkbox"
          checked={flatten}
          onChange={(e) => setFlatten(e.target.checked)}
          aria-describedby={`${id}-flatten-hint`}
        />
        <label htmlFor={`${id}-flatten`}>{t('forms.fill.flatten')}</label>
      </div>
      <p id={`${id}-flatten-hint`} className="field-hint">
        {t('forms.fill.flattenHint')}
      </p>
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={!chosen || busy !== null} onClick={() => void fill(false)}>
          {busy === 'filling' ? <span className="spinner" aria-hidden="true" /> : null}
          {busy === 'filling' ? t('forms.fill.filling') : t('forms.fill.button')}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {busy === 'filling' ? t('forms.fill.filling') : ''}
      </span>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      {edition ? (
        <EditionDiff id={`${id}-edition`} form={edition.form} edition={edition.edition} missing={edition.missing} added={edition.added}>
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void fill(true)}>
            {t('forms.edition.accept')}
          </button>
          <button type="button" className="btn" onClick={() => setEdition(null)}>
            {t('forms.edition.cancel')}
          </button>
        </EditionDiff>
      ) : null}
      <div role="status" aria-live="polite">
        {result ? <FillResult result={result} saved={saved} onSaveAgain={() => void save(result)} /> : null}
      </div>
    </div>
  );
}

export function SummaryButton({ personId, onMade }: { personId: string; onMade?(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<{ fileName: string; saved: SaveState } | null>(null);

  const make = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await call('forms.summary', { personId, lang: summaryLang });
    if (!res.ok) {
      setBusy(false);
      setError(res.error);
      return;
    }
    const saved = await savePdf(res.value.fileName, res.value.pdf, res.value.token);
    setBusy(false);
    setDone({ fileName: res.value.fileName, saved });
    if (saved.kind === 'saved') onMade?.();
  };

  return (
    <div className="summary-form">
      <div className="field-row field-row--end">
        <div className="field field--medium">
          <label htmlFor={`${id}-lang`}>{t('forms.summary.lang')}</label>
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
            {t('forms.summary.button')}
          </button>
        </div>
      </div>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      <p role="status" className={done ? 'ok-text' : 'visually-hidden'}>
        {done ? <SaveMessage state={done.saved} fileName={done.fileName} /> : busy ? t('forms.summary.making') : ''}
      </p>
    </div>
  );
}
