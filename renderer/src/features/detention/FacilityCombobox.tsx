/**
 * The detention facility, offered from the facility list as the person types
 * (issue 14 §3). An ARIA 1.2 combobox with a listbox popup: focus stays in the
 * input (aria-activedescendant), Down/Up move, Enter picks, Escape closes.
 * What was typed is always kept: a facility not on the list is saved as typed.
 * Below the input, a listed facility shows its court and field office.
 */
import { useId, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import type { Facility } from '../../../../shared/facilities';
import { useI18n } from '../../i18n';
import { useCoreQuery } from '../../query';

export interface FacilityComboboxProps {
  /** What is in the box now. */
  text: string;
  /** Called with a listed facility the person picked. */
  onPick(f: Facility): void;
  /** The input's own props (id, name, aria wiring, onChange/onBlur/ref from the form). */
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };
}

export function FacilityCombobox({ text, onPick, inputProps }: FacilityComboboxProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const query = text.trim();
  const found = useCoreQuery('facilities.search', { query, limit: 8 }, { enabled: query.length > 0 });
  const rows = query ? (found.data ?? []) : [];
  const expanded = open && rows.length > 0;
  const at = expanded ? Math.min(active, rows.length - 1) : -1;
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const exact = rows.find((f) => [f.name, ...f.aliases].some((n) => n.toLowerCase() === query.toLowerCase()));

  function pick(f: Facility) {
    onPick(f);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!rows.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(at < 0 ? (step === 1 ? 0 : rows.length - 1) : (at + step + rows.length) % rows.length);
    } else if (e.key === 'Enter' && expanded && at >= 0) {
      // Enter picks the highlighted facility instead of submitting the form.
      e.preventDefault();
      pick(rows[at]!);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const { onChange, onBlur, ...rest } = inputProps;
  return (
    <div className="facility-combobox">
      <input
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={at >= 0 ? optionId(at) : undefined}
        autoComplete="off"
        spellCheck={false}
        {...rest}
        onChange={(e) => {
          onChange?.(e);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          setOpen(false);
          onBlur?.(e);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('facility.options')} className="search-results facility-options" hidden={!expanded}>
        {rows.map((f, i) => (
          <li
            key={f.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            className="search-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => pick(f)}
          >
            <span className="search-option-name">{f.name}</span>
            <span className="person-facts">
              {f.address.city}, {f.address.state}
              {f.fieldOffice ? ` · ${t('facility.fieldOffice', { office: f.fieldOffice })}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {exact ? <FacilityFacts f={exact} /> : null}
    </div>
  );
}

/** A listed facility's court and field office, under the field. */
export function FacilityFacts({ f }: { f: Facility }) {
  const { t } = useI18n();
  return (
    <p className="field-hint facility-facts">
      {f.court
        ? t(f.court.role === 'hearing' ? 'facility.courtHearing' : 'facility.courtControl', { court: f.court.name })
        : t('facility.noCourt')}
      {f.fieldOffice ? ` · ${t('facility.fieldOffice', { office: f.fieldOffice })}` : ''}
      {f.verify ? ` · ${t('facility.verify')}` : ''}
    </p>
  );
}
