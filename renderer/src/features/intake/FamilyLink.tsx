/**
 * A family member linked to their own record in the vault (issue 8): a search
 * picker under the typed name (ARIA 1.2 combobox, as the header search:
 * arrows move, Enter picks, Escape closes, focus stays in the input), the
 * link once chosen with "Open the record" and "Remove the link", and on the
 * linked record the people who list this person as family. The core checks
 * that the linked record exists; the typed name always stays.
 */
import { createContext, useContext, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { FamilyLinkRef, FamilyLinks, PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useNavigation } from '../people/navigation';
import { displayName } from '../people/format';
import { PersonOptions, usePersonCombobox } from '../people/personSearch';
import { useFieldId } from './fields';
import { focusWhenReady } from './focus';

/** The record being edited (never offered as its own family) and the names of its links, as the core gave them. */
export const FamilyLinksContext = createContext<{ selfId?: string; links?: FamilyLinks }>({});

export function FamilyLinkField({ prefix }: { prefix: string }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const { setValue, getValues } = useFormContext();
  const name = `${prefix}.personId`;
  const personId = useWatch({ name }) as string | undefined;
  const { links } = useContext(FamilyLinksContext);
  const [picked, setPicked] = useState<FamilyLinkRef | null>(null);
  const id = useFieldId(name);

  const pick = (p: PersonSummary) => {
    setPicked({ personId: p.id, givenName: p.givenName, familyName: p.familyName });
    setValue(name, p.id, { shouldDirty: true });
    // The typed name stays as typed; an empty one takes the record's.
    const typed = getValues(`${prefix}.name`) as unknown;
    if (typeof typed !== 'string' || typed.trim() === '')
      setValue(`${prefix}.name`, displayName(p), { shouldDirty: true, shouldValidate: true });
    focusWhenReady(() => document.getElementById(`${id}-linked`));
  };

  if (personId) {
    const ref = picked?.personId === personId ? picked : links?.to[personId];
    const linkedName = ref ? displayName(ref) : null;
    return (
      <div className="family-link">
        <p id={`${id}-linked`} tabIndex={-1} className="family-link-text">
          {linkedName ? t('family.linkedTo', { name: linkedName }) : t('family.linkedUnknown')}
        </p>
        <div className="actions actions--start">
          {ref && linkedName ? (
            <button type="button" className="btn btn-small" onClick={() => nav.openPerson(ref.personId)}>
              {t('family.openRecord', { name: linkedName })}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => {
              setValue(name, '', { shouldDirty: true });
              setPicked(null);
              focusWhenReady(() => document.getElementById(id));
            }}
          >
            {t('family.unlink')}
          </button>
        </div>
      </div>
    );
  }
  return <PersonPicker id={id} onPick={pick} />;
}

function PersonPicker({ id, onPick }: { id: string; onPick(p: PersonSummary): void }) {
  const { t } = useI18n();
  const { selfId } = useContext(FamilyLinksContext);
  const box = usePersonCombobox({ exclude: selfId });
  const { rows: results, active, expanded, shown } = box;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (box.arrowKey(e)) return;
    switch (e.key) {
      case 'Enter': {
        // Never the form's implicit submit: Enter here is about the search.
        e.preventDefault();
        const p = expanded ? results[active] : undefined;
        if (p) onPick(p);
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          box.setOpen(false);
        }
        break;
    }
  };

  const status = !shown ? '' : results.length ? t('family.linkCount', { count: results.length }) : t('family.linkNone');

  return (
    <div className="field family-link-picker">
      <label htmlFor={id}>{t('family.linkLabel')}</label>
      <div className="family-link-combo">
        <input id={id} {...box.inputProps} aria-describedby={`${id}-hint`} onKeyDown={onKeyDown} />
        <PersonOptions
          box={box}
          label={t('family.linkResults')}
          none={t('family.linkNone')}
          className="search-results family-link-results"
          onPick={onPick}
        />
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('family.linkHint')}
      </p>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}

/** On the linked record: who lists this person as family, each a way to their record. */
export function ListedAsFamily({ links }: { links: FamilyLinks | undefined }) {
  const { t } = useI18n();
  const nav = useNavigation();
  if (!links || links.from.length === 0) return null;
  return (
    <div className="person-listed-by">
      <h3 className="aside-title">{t('family.listedByTitle')}</h3>
      <ul>
        {links.from.map((r) => (
          <li key={r.personId}>
            <button type="button" className="btn-link" onClick={() => nav.openPerson(r.personId)}>
              {displayName(r)}
            </button>{' '}
            {t('family.listedAs', { relationship: r.relationship })}
          </li>
        ))}
      </ul>
    </div>
  );
}
