/**
 * The field mapper, for a clinic's own form or a new edition of an official
 * one. Left: the template's name, form code and edition; the chosen field's
 * data source and transform; every field of the blank (label = the form's
 * own alternate name, name, type, page, MaxLen) as a table of buttons
 * (up/down arrows move between them). Right: the page the field is on,
 * drawn by pdf.js with the field outlined, and a test fill for a chosen
 * person whose result can be previewed or saved. Save binds the map to this
 * blank; the template is then ready to fill.
 *
 * Its state and every change to it are one reducer (mapper/state.ts); the
 * parts (mapper/*.tsx) draw it and dispatch. Reads go through the query cache.
 */
import { useEffect, useId, useReducer, useRef } from 'react';
import { call } from '../../api';
import { coreKey, queryClient, useCoreQuery } from '../../query';
import type { TemplateView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { StatusPill } from './TemplatesList';
import { formsErrorText } from './lib';
import { FieldEditor } from './mapper/FieldEditor';
import { FieldList } from './mapper/FieldList';
import { MetaFields } from './mapper/MetaFields';
import { Preview, TestFill } from './mapper/Preview';
import { SaveBar } from './mapper/SaveBar';
import { usePdf } from './mapper/usePdf';
import { firstMetaError, initialMapperState, mapperReducer, metaErrors, strayFields, wrongTypeFields } from './mapper/state';

/** Two reads of the same blank are the same bytes: keep the first, so pdf.js does not open the blank again. */
function keepSameBlank(old: unknown, next: unknown): unknown {
  const a = (old as { pdf?: Uint8Array } | undefined)?.pdf;
  const b = (next as { pdf: Uint8Array }).pdf;
  return a && a.length === b.length && a.every((x, i) => x === b[i]) ? old : next;
}

export function Mapper({ templateId, onClose }: { templateId: string; onClose(): void }) {
  const { t } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, dispatch] = useReducer(mapperReducer, initialMapperState);
  // The blank and the data sources do not change while the mapper is open.
  const loaded = useCoreQuery('forms.getTemplate', { id: templateId }, { staleTime: Infinity });
  const sources = useCoreQuery('forms.sources', {}, { staleTime: Infinity });
  const blank = useCoreQuery('forms.blankBytes', { id: templateId }, { staleTime: Infinity, structuralSharing: keepSameBlank });
  const blankPdf = usePdf(blank.data?.pdf ?? null);
  const testPdf = usePdf(state.test.result?.pdf ?? null);

  // The map being edited starts from the template once; later reads of it never overwrite edits.
  const first = loaded.data;
  useEffect(() => {
    if (!first || state.tpl) return;
    dispatch({ type: 'loaded', tpl: first });
    focusWhenReady(() => headingRef.current);
  }, [first, state.tpl]);

  const save = async (): Promise<TemplateView | null> => {
    const tpl = state.tpl;
    if (!tpl) return null;
    dispatch({ type: 'saveBegin' });
    const bad = firstMetaError(metaErrors(state.meta));
    if (bad) {
      focusWhenReady(() => document.getElementById(`${id}-${bad}`));
      return null;
    }
    const map = {
      form: state.meta.form.trim(),
      edition: state.meta.edition.trim(),
      ...(tpl.map?.title ? { title: tpl.map.title } : {}),
      ...(tpl.map?.aliases ? { aliases: tpl.map.aliases } : {}),
      fields: state.entries,
    };
    const res = await call('forms.saveTemplate', { id: tpl.id, version: tpl.version, name: state.meta.name.trim(), map });
    if (!res.ok) {
      dispatch({ type: 'saveFailed', error: res.error });
      focusWhenReady(() => document.getElementById(`${id}-save-alert`));
      return null;
    }
    dispatch({ type: 'saved', tpl: res.value });
    // The saved template is the one to read from now on; the templates list shows its new status.
    queryClient.setQueryData(coreKey('forms.getTemplate', { id: tpl.id }), res.value);
    void queryClient.invalidateQueries({ queryKey: coreKey('forms.listTemplates') });
    return res.value;
  };

  const testFill = async () => {
    const { person } = state.test;
    const tpl = state.tpl;
    if (!person || !tpl) return;
    dispatch({ type: 'testBegin' });
    if (state.dirty || !tpl.map) {
      const saved = await save();
      if (!saved) return;
    }
    dispatch({ type: 'testFilling' });
    const res = await call('forms.testFill', { templateId: tpl.id, personId: person.id });
    if (res.ok) dispatch({ type: 'testDone', result: res.value });
    else dispatch({ type: 'testFailed', error: res.error });
  };

  const leave = () => {
    if (!state.dirty) return onClose();
    dispatch({ type: 'leave' });
    focusWhenReady(() => document.getElementById(`${id}-leave`));
  };

  const loadError = loaded.error ?? sources.error;
  if (loadError && !state.tpl) {
    return (
      <div className="mapper">
        <FormAlert id={`${id}-load`} message={formsErrorText(t, loadError.info)} />
        <button type="button" className="btn" onClick={onClose}>
          {t('forms.mapper.back')}
        </button>
      </div>
    );
  }
  const tpl = state.tpl;
  if (!tpl || !sources.data) return <p className="loading">{t('forms.mapper.loading')}</p>;

  const field = tpl.fields.find((f) => f.name === state.selected) ?? null;
  const strays = strayFields(state).length + wrongTypeFields(state).length;

  return (
    <div className="mapper">
      <div className="mapper-head">
        <button type="button" className="btn btn-small btn-quiet" onClick={leave}>
          ← {t('forms.mapper.back')}
        </button>
        <h2 ref={headingRef} tabIndex={-1}>
          {t('forms.mapper.title', { name: tpl.name })} <StatusPill status={tpl.status} />
        </h2>
        <p className="field-hint">{t('forms.mapper.intro', { fields: tpl.fields.length, pages: tpl.pageCount })}</p>
      </div>
      {state.leaving ? (
        <div className="warning" id={`${id}-leave`} tabIndex={-1} role="alert">
          <p>{t('forms.mapper.unsaved')}</p>
          <div className="actions actions--start">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() =>
                void save().then((v) => {
                  if (v) onClose();
                })
              }
            >
              {t('forms.mapper.saveAndLeave')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('forms.mapper.discard')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => dispatch({ type: 'stay' })}>
              {t('forms.mapper.stay')}
            </button>
          </div>
        </div>
      ) : null}
      {strays > 0 ? (
        <div className="notice mapper-strays">
          <p>{t('forms.mapper.strays', { count: strays })}</p>
          <button type="button" className="btn btn-small" onClick={() => dispatch({ type: 'dropStrays' })}>
            {t('forms.mapper.dropStrays')}
          </button>
        </div>
      ) : null}

      <div className="mapper-grid">
        <div className="mapper-left">
          <MetaFields id={id} meta={state.meta} errors={state.metaErrors} dispatch={dispatch} />
          {field ? (
            <FieldEditor
              key={field.name}
              field={field}
              entry={state.entries[field.name]}
              sources={sources.data}
              onChange={(entry) => dispatch({ type: 'entry', name: field.name, entry })}
            />
          ) : null}
          <SaveBar id={id} state={state} onSave={() => void save()} />
          <FieldList id={id} state={state} sources={sources.data} dispatch={dispatch} />
        </div>

        <div className="mapper-right">
          <Preview state={state} blank={blankPdf} test={testPdf} dispatch={dispatch} />
          <TestFill id={id} state={state} dispatch={dispatch} onTest={() => void testFill()} />
        </div>
      </div>
    </div>
  );
}
