/**
 * The right side of the mapper: the page of the chosen field (the blank, or
 * the last test fill) drawn by pdf.js with the field outlined, and a test
 * fill for one person, which can be previewed here or saved.
 */
import type { Dispatch } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useI18n } from '../../../i18n';
import { FormAlert } from '../../../components/FormAlert';
import { PdfPreview } from '../PdfPreview';
import { PersonPicker } from '../PersonPicker';
import { savePdf, SaveMessage, WarningList } from '../FillPanel';
import { formLabel, formsErrorText } from '../lib';
import type { MapperAction, MapperState } from './state';

export function Preview({
  state,
  blank,
  test,
  dispatch,
}: {
  state: MapperState;
  blank: { doc: PDFDocumentProxy | null; failed: boolean };
  test: { doc: PDFDocumentProxy | null; failed: boolean };
  dispatch: Dispatch<MapperAction>;
}) {
  const { t } = useI18n();
  const hasTest = state.test.result !== null;
  const onTest = state.showing === 'test' && hasTest;
  const shown = onTest ? test : blank;
  return (
    <>
      <div className="segmented" role="group" aria-label={t('forms.mapper.previewOf')}>
        <button
          type="button"
          className="segmented-btn"
          aria-pressed={state.showing === 'blank'}
          onClick={() => dispatch({ type: 'showing', which: 'blank' })}
        >
          {t('forms.mapper.previewBlank')}
        </button>
        <button
          type="button"
          className="segmented-btn"
          aria-pressed={state.showing === 'test'}
          disabled={!hasTest}
          onClick={() => dispatch({ type: 'showing', which: 'test' })}
        >
          {t('forms.mapper.previewTest')}
        </button>
      </div>
      <PdfPreview
        doc={shown.doc}
        page={state.page}
        highlight={state.selected}
        label={
          onTest
            ? t('forms.mapper.previewTestLabel')
            : t('forms.mapper.previewBlankLabel', { form: formLabel(state.meta.form) || (state.tpl?.name ?? '') })
        }
        width={430}
        onPageChange={(page) => dispatch({ type: 'page', page })}
        testId="mapper-preview"
      />
      {(state.showing === 'blank' ? blank.failed : test.failed) ? <p className="field-error">{t('forms.preview.failed')}</p> : null}
    </>
  );
}

/** A test fill for one chosen person; a map with unsaved changes is saved first. */
export function TestFill({
  id,
  state,
  dispatch,
  onTest,
}: {
  id: string;
  state: MapperState;
  dispatch: Dispatch<MapperAction>;
  onTest(): void;
}) {
  const { t } = useI18n();
  const { person, busy, error, result, saved } = state.test;
  return (
    <section className="test-fill" aria-labelledby={`${id}-test-title`}>
      <h3 id={`${id}-test-title`}>{t('forms.mapper.testTitle')}</h3>
      <PersonPicker label={t('forms.mapper.testPerson')} value={person} onChange={(p) => dispatch({ type: 'testPerson', person: p })} />
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={!person || busy || state.saving} onClick={onTest}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {state.dirty || !state.tpl?.map ? t('forms.mapper.saveAndTest') : t('forms.mapper.test')}
        </button>
      </div>
      <FormAlert id={`${id}-test-alert`} message={error ? formsErrorText(t, error) : null} />
      <div role="status" aria-live="polite">
        {result ? (
          <div className="fill-result" data-testid="test-result">
            <p>
              <strong>{t('forms.fill.done', { count: result.filled, pages: result.pageCount })}</strong>{' '}
              {result.overflow.length > 0 ? t('forms.fill.overflow', { count: result.overflow.length }) : ''}
            </p>
            <WarningList warnings={result.warnings} />
            <div className="actions actions--start">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void savePdf(result).then((s) => dispatch({ type: 'testSaved', saved: s }))}
              >
                {t('forms.mapper.saveTest')}
              </button>
              <SaveMessage state={saved} fileName={result.fileName} />
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
