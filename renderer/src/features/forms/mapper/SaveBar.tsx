/** Save, what a refused save said (field by field), and whether the map has unsaved changes. */
import { useI18n } from '../../../i18n';
import { FormAlert, FormStatus } from '../../../components/FormAlert';
import { fieldTail } from '../EditionDiff';
import { formsErrorText, mapProblems } from '../lib';
import type { MapperState } from './state';

const PROBLEM_KEY = {
  missing: 'forms.mapper.problem.missing',
  path: 'forms.mapper.problem.path',
  type: 'forms.mapper.problem.type',
} as const;

export function SaveBar({ id, state, onSave }: { id: string; state: MapperState; onSave(): void }) {
  const { t } = useI18n();
  const { saveError, saving, dirty, savedCount } = state;
  const problems = mapProblems(saveError);
  return (
    <div className="mapper-save">
      <FormAlert id={`${id}-save-alert`} message={saveError ? formsErrorText(t, saveError) : null} />
      {problems.length > 0 ? (
        <ul className="issue-list">
          {problems.map((p) => (
            <li key={p.field}>
              <code className="path">{fieldTail(p.field)}</code>{' '}
              {t(p.problem === 'missing' || p.problem === 'path' ? PROBLEM_KEY[p.problem] : PROBLEM_KEY.type)}
            </li>
          ))}
        </ul>
      ) : null}
      <FormStatus message={savedCount === null ? null : t('forms.mapper.saved', { count: savedCount })} />
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={saving} onClick={onSave}>
          {saving ? <span className="spinner" aria-hidden="true" /> : null}
          {t('forms.mapper.save')}
        </button>
        <span className="field-hint" aria-live="polite">
          {dirty ? t('forms.mapper.dirty') : t('forms.mapper.clean')} ·{' '}
          {t('forms.mapper.mappedCount', { mapped: Object.keys(state.entries).length, total: state.tpl?.fields.length ?? 0 })}
        </span>
      </div>
    </div>
  );
}
