/**
 * The intake forms' facility field: the facility combobox bound to
 * react-hook-form by name. Picking a listed facility puts its name in the
 * field; anything typed is kept as typed.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { FieldFrame, controlAria } from '../../components/FieldParts';
import { RequiredMark, useFieldError, useFieldId } from '../intake/fields';
import { FacilityCombobox } from './FacilityCombobox';

export function FacilityField({
  name,
  label,
  className,
  required,
}: {
  name: string;
  label: string;
  className?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const { register, setValue, trigger } = useFormContext();
  const id = useFieldId(name);
  const error = useFieldError(name);
  const text = (useWatch({ name }) as string | undefined) ?? '';
  const hint = t('facility.hint');
  const reg = register(name);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      classes={[className]}
      announce={false}
      mark={required ? <RequiredMark required /> : undefined}
    >
      <FacilityCombobox
        text={text}
        onPick={(f) => {
          setValue(name, f.name, { shouldDirty: true });
          if (error) void trigger(name);
        }}
        inputProps={{ id, ...controlAria(id, hint, error), 'aria-required': required ? true : undefined, ...reg }}
      />
    </FieldFrame>
  );
}
