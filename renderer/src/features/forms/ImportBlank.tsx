/**
 * "Import blank PDF": the fillable form as downloaded from uscis.gov (or a
 * clinic's own fillable PDF). The file is read in memory and sent to the core
 * as base64; the core decrypts it, lists its fields and says whether a field
 * map fits. A different edition of a known form is shown with its field
 * differences, and is used only after an explicit "Accept and continue".
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ImportedBlank, TemplateView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { EditionDiff } from './EditionDiff';
import { formLabel, formsErrorText } from './lib';
import { bytesToBase64 } from '../../api';

/** The contract's MAX_BLANK_BYTES (50 MB), checked here before reading the file into memory. */
const MAX_BLANK_BYTES = 50 * 1024 * 1024;

/** The template's map minus the fields this blank lacks or cannot take: what "Accept and continue" keeps. */
export function acceptedMap(tpl: TemplateView) {
  if (!tpl.map) return null;
  const drop = new Set([...(tpl.match?.missing ?? []), ...tpl.problems.map((p) => p.field)]);
  const { blankSha256: _sha, blankFields: _fields, ...rest } = tpl.map;
  return { ...rest, fields: Object.fromEntries(Object.entries(tpl.map.fields).filter(([name]) => !drop.has(name))) };
}

export function ImportBlank({ onChanged, onOpenMapper }: { onChanged(): void; onOpenMapper(id: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | 'accepting' | null>(null);
  const [error, setError] = useState<{ file: string; error: ErrorInfo } | null>(null);
  const [result, setResult] = useState<ImportedBlank | null>(null);
  const [accepted, setAccepted] = useState<TemplateView | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setError(null);
    setResult(null);
    setAccepted(null);
    if (!f) return;
    if (f.size > MAX_BLANK_BYTES) {
      setError({ file: f.name, error: { code: 'INVALID_INPUT', message: '', details: { issues: [{ message: 'forms.tooLarge' }] } } });
      return;
    }
    setBusy('reading');
    const dataBase64 = bytesToBase64(new Uint8Array(await f.arrayBuffer()));
    setBusy('importing');
    const res = await call('forms.importBlank', { fileName: f.name.slice(0, 260), dataBase64 });
    setBusy(null);
    // Let the same file be chosen again (after fixing it, or to re-import).
    if (inputRef.current) inputRef.current.value = '';
    if (!res.ok) {
      setError({ file: f.name, error: res.error });
      focusWhenReady(() => document.getElementById(`${id}-alert`));
      return;
    }
    setResult(res.value);
    onChanged();
    focusWhenReady(() => document.getElementById(`${id}-result`));
  };

  const accept = async (tpl: ImportedBlank) => {
    const map = acceptedMap(tpl);
    if (!map) return;
    setBusy('accepting');
    setError(null);
    const res = await call('forms.saveTemplate', { id: tpl.id, version: tpl.version, name: tpl.name, map });
    setBusy(null);
    if (!res.ok) {
      setError({ file: tpl.fileName ?? tpl.name, error: res.error });
      return;
    }
    setAccepted(res.value);
    setResult(null);
    onChanged();
    focusWhenReady(() => document.getElementById(`${id}-result`));
  };

  const busyText =
    busy === 'reading'
      ? t('forms.import.reading')
      : busy === 'importing'
        ? t('forms.import.importing')
        : busy === 'accepting'
          ? t('forms.import.accepting')
          : '';
  const editionMismatch = result && result.status === 'draft' && result.match && !result.match.exact && result.map;

  return (
    <div className="import-blank">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('forms.import.label')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('forms.import.hint')}
        </p>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="file-input"
          type="file"
          accept=".pdf,application/pdf"
          aria-describedby={`${id}-hint`}
          disabled={busy !== null}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <p className="import-progress" role="status">
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" />
            {busyText}
          </>
        ) : null}
      </p>
      <FormAlert
        id={`${id}-alert`}
        message={error ? `${t('forms.import.failed', { file: error.file })} ${formsErrorText(t, error.error)}` : null}
      />
      <div id={`${id}-result`} tabIndex={-1} className="import-result" data-testid="import-result">
        {accepted ? (
          <p className="ok-text" role="status">
            {t('forms.import.acceptedReady', { name: accepted.name })}
          </p>
        ) : null}
        {result ? (
          editionMismatch ? (
            <EditionDiff
              id={`${id}-edition`}
              form={result.match!.form}
              edition={result.match!.edition}
              missing={result.match!.missing}
              added={result.match!.added}
              fields={result.fields}
            >
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void accept(result)}>
                {t('forms.edition.accept')}
              </button>
              <button type="button" className="btn" onClick={() => onOpenMapper(result.id)}>
                {t('forms.import.review')}
              </button>
            </EditionDiff>
          ) : result.status === 'ready' ? (
            <p className="ok-text" role="status">
              {result.alreadyImported
                ? t('forms.import.already', { name: result.name })
                : t('forms.import.ready', {
                    name: result.name,
                    form: formLabel(result.form),
                    edition: result.edition ?? '',
                    fields: result.fieldCount,
                  })}
            </p>
          ) : (
            <div className="notice" role="status">
              <p>{t('forms.import.custom', { name: result.name, fields: result.fieldCount })}</p>
              <button type="button" className="btn btn-primary" onClick={() => onOpenMapper(result.id)}>
                {t('forms.import.openMapper')}
              </button>
            </div>
          )
        ) : null}
      </div>
    </div>
  );
}
