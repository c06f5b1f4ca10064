/** The template's own name, form code and edition: what a saved map is filed under. */
import type { Dispatch } from 'react';
import type { MessageKey } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n';
import { FieldFrame, controlAria } from '../../../components/FieldParts';
import type { MapperAction, Meta, MetaErrors, MetaKey } from './state';

interface MetaField {
  key: MetaKey;
  label: MessageKey;
  hint?: MessageKey;
  error: MessageKey;
  maxLength: number;
  grow?: boolean;
  spellCheck?: boolean;
}

const NAME: MetaField = { key: 'name', label: 'forms.mapper.name', error: 'forms.mapper.nameRequired', maxLength: 200, grow: true };
const CODE_AND_EDITION: MetaField[] = [
  {
    key: 'form',
    label: 'forms.mapper.formCode',
    hint: 'forms.mapper.formCodeHint',
    error: 'forms.mapper.formCodeInvalid',
    maxLength: 40,
    spellCheck: false,
  },
  { key: 'edition', label: 'forms.mapper.edition', hint: 'forms.mapper.editionHint', error: 'forms.mapper.editionRequired', maxLength: 40 },
];

export function MetaFields({
  id,
  meta,
  errors,
  dispatch,
}: {
  id: string;
  meta: Meta;
  errors: MetaErrors;
  dispatch: Dispatch<MapperAction>;
}) {
  const { t } = useI18n();
  const input = (f: MetaField) => {
    const control = `${id}-${f.key}`;
    const hint = f.hint ? t(f.hint) : undefined;
    const error = errors[f.key] ? t(f.error) : undefined;
    return (
      <FieldFrame
        key={f.key}
        id={control}
        label={t(f.label)}
        hint={hint}
        error={error}
        classes={[f.grow && 'field--grow']}
        hintFirst
        announce={false}
      >
        <input
          id={control}
          type="text"
          value={meta[f.key]}
          maxLength={f.maxLength}
          spellCheck={f.spellCheck}
          {...controlAria(control, hint, error)}
          onChange={(e) => dispatch({ type: 'meta', key: f.key, value: e.target.value })}
        />
      </FieldFrame>
    );
  };
  return (
    <fieldset className="plain-fieldset mapper-meta">
      <legend>{t('forms.mapper.template')}</legend>
      <div className="field-row">{input(NAME)}</div>
      <div className="field-row">{CODE_AND_EDITION.map(input)}</div>
    </fieldset>
  );
}
