/**
 * What differs between a blank and the edition its field map was made for:
 * mapped fields the blank lacks (they will stay empty) and new fields the map
 * does not know (they stay empty until someone maps them). Shown before the
 * explicit "Accept and continue" step.
 */
import type { ReactNode } from 'react';
import type { FieldInfo } from '../../../../shared/forms/types';
import { useI18n } from '../../i18n';
import { formLabel, shortFieldLabel } from './lib';

const SHOWN = 40;

export function fieldTail(name: string): string {
  return name.split('.').pop() ?? name;
}

function FieldNames({ names, fields }: { names: string[]; fields?: readonly FieldInfo[] | undefined }) {
  const { t } = useI18n();
  const byName = new Map((fields ?? []).map((f) => [f.name, f]));
  return (
    <ul className="field-name-list">
      {names.slice(0, SHOWN).map((n) => {
        const label = byName.get(n)?.label;
        return (
          <li key={n}>
            {label ? <span>{shortFieldLabel(label)} </span> : null}
            <code className="path">{fieldTail(n)}</code>
          </li>
        );
      })}
      {names.length > SHOWN ? <li className="muted">{t('forms.edition.more', { count: names.length - SHOWN })}</li> : null}
    </ul>
  );
}

export function EditionDiff({
  id,
  form,
  edition,
  missing,
  added,
  fields,
  children,
}: {
  id: string;
  form: string;
  edition: string;
  missing: string[];
  added: string[];
  fields?: readonly FieldInfo[] | undefined;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="edition-diff" aria-labelledby={`${id}-title`} tabIndex={-1} id={id}>
      <h3 id={`${id}-title`}>{t('forms.edition.title')}</h3>
      <p>{t('forms.edition.body', { form: formLabel(form), edition })}</p>
      {missing.length > 0 ? (
        <>
          <h4>{t('forms.edition.missing', { count: missing.length })}</h4>
          <p className="field-hint">{t('forms.edition.missingHint')}</p>
          <FieldNames names={missing} fields={fields} />
        </>
      ) : (
        <p>{t('forms.edition.noneMissing')}</p>
      )}
      {added.length > 0 ? (
        <>
          <h4>{t('forms.edition.added', { count: added.length })}</h4>
          <p className="field-hint">{t('forms.edition.addedHint')}</p>
          <FieldNames names={added} fields={fields} />
        </>
      ) : (
        <p>{t('forms.edition.noneAdded')}</p>
      )}
      {children ? <div className="actions actions--start">{children}</div> : null}
    </section>
  );
}
