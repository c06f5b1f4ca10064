/**
 * The sections of a person's record, shared by the full intake and the edit
 * form on the detail page. Paths are those of the stored record
 * (person.*, detention.*, history.*, family, notes, consent).
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../../../shared/i18n';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CONSENT_METHODS,
  ENTRY_MANNERS,
  HEARING_KINDS,
  LIMITS,
  PRIOR_ORDER_ANSWERS,
  SEXES,
  TPS_STATUSES,
} from '../../../../shared/schemas/intake';
import {
  CheckboxField,
  DateField,
  Section,
  SelectField,
  StringListField,
  TextAreaField,
  TextField,
  YesNoField,
  useFieldId,
  type Option,
} from './fields';
import { emptyCase, emptyFamilyMember } from './model';
import { AssigneeField } from '../users/AssigneeField';
import { FamilyLinkField } from './FamilyLink';
import { FacilityField } from '../detention/FacilityField';

export function useOptions() {
  const { t } = useI18n();
  return {
    sex: SEXES.map((v): Option => ({ value: v, label: t(`enum.sex.${v}`) })),
    caseType: CASE_TYPES.map((v): Option => ({ value: v, label: t(`enum.caseType.${v}`) })),
    caseStatus: CASE_STATUSES.map((v): Option => ({ value: v, label: t(`enum.caseStatus.${v}`) })),
    hearingKind: HEARING_KINDS.map((v): Option => ({ value: v, label: t(`enum.hearingKind.${v}`) })),
    entryManner: ENTRY_MANNERS.map((v): Option => ({ value: v, label: t(`enum.entryManner.${v}`) })),
    priorOrders: PRIOR_ORDER_ANSWERS.map((v): Option => ({ value: v, label: t(`enum.priorOrders.${v}`) })),
    tpsStatus: TPS_STATUSES.map((v): Option => ({ value: v, label: t(`enum.tpsStatus.${v}`) })),
    consentHow: CONSENT_METHODS.map((v): Option => ({ value: v, label: t(`enum.consentHow.${v}`) })),
  };
}

export function PersonSection({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useI18n();
  const o = useOptions();
  return (
    <Section id="person" title={t('section.person')}>
      <div className="field-row">
        <TextField name="person.givenName" label={t('field.givenName')} autoFocus={autoFocus} required />
        <TextField name="person.familyName" label={t('field.familyName')} hint={t('field.familyNameHint')} />
      </div>
      <StringListField
        name="person.aliases"
        label={t('field.aliases')}
        itemLabel={(n) => t('field.aliasN', { n })}
        addLabel={t('field.addAlias')}
        max={LIMITS.aliases}
      />
      <div className="field-row">
        <DateField name="person.dob" label={t('field.dob')} deps={['person.approxAge']} />
        <TextField
          name="person.approxAge"
          label={t('field.approxAge')}
          hint={t('field.approxAgeHint')}
          size="short"
          inputMode="numeric"
          deps={['person.dob']}
        />
        <SelectField name="person.sex" label={t('field.sex')} options={o.sex} blank={t('common.notAnswered')} />
      </div>
      <div className="field-row">
        <TextField name="person.countryOfBirth" label={t('field.countryOfBirth')} />
        <TextField name="person.nationality" label={t('field.nationality')} />
      </div>
      <StringListField
        name="person.languages"
        label={t('field.languages')}
        itemLabel={(n) => t('field.languageN', { n })}
        addLabel={t('field.addLanguage')}
        max={LIMITS.languages}
      />
      <CheckboxField name="person.interpreterNeeded" label={t('field.interpreterNeeded')} />
      <TextField name="person.aNumber" label={t('field.aNumber')} hint={t('field.aNumberHint')} mono size="medium" />
    </Section>
  );
}

export function ContactSection() {
  const { t } = useI18n();
  return (
    <Section id="contact" title={t('section.contact')}>
      <div className="field-row">
        <TextField name="person.phone" label={t('field.phone')} type="tel" />
        <TextField name="person.email" label={t('field.email')} type="email" />
      </div>
      <fieldset className="subgroup">
        <legend>{t('field.address')}</legend>
        <div className="field-row">
          <TextField name="person.address.street" label={t('field.street')} className="field--grow" />
          <TextField name="person.address.unit" label={t('field.unit')} size="short" />
        </div>
        <div className="field-row">
          <TextField name="person.address.city" label={t('field.city')} />
          <TextField name="person.address.state" label={t('field.state')} size="short" />
          <TextField name="person.address.zip" label={t('field.zip')} size="short" />
        </div>
        <div className="field-row">
          <TextField name="person.address.county" label={t('field.county')} size="medium" />
          <TextField name="person.address.country" label={t('field.country')} size="medium" />
        </div>
      </fieldset>
      <fieldset className="subgroup">
        <legend>{t('field.safeContact')}</legend>
        <p className="field-hint">{t('field.safeContactHint')}</p>
        <div className="field-row">
          <TextField name="person.safeContact.name" label={t('field.safeContactName')} />
          <TextField name="person.safeContact.phone" label={t('field.safeContactPhone')} type="tel" />
          <TextField name="person.safeContact.relationship" label={t('field.relationship')} />
        </div>
      </fieldset>
    </Section>
  );
}

export function DetentionSection() {
  const { t } = useI18n();
  const detained = useWatch({ name: 'detention.detained' }) as boolean | undefined;
  return (
    <Section id="detention" title={t('section.detention')}>
      <YesNoField name="detention.detained" label={t('field.detained')} deps={['detention.facility']} required />
      {detained ? (
        <>
          <div className="field-row">
            <FacilityField name="detention.facility" label={t('field.facility')} className="field--grow" />
            <TextField name="detention.bookingNumber" label={t('field.bookingNumber')} mono size="medium" />
          </div>
          <div className="field-row">
            <DateField name="detention.dateDetained" label={t('field.dateDetained')} />
            <TextField name="detention.iceFieldOffice" label={t('field.iceFieldOffice')} />
          </div>
        </>
      ) : null}
    </Section>
  );
}

export function HistorySection() {
  const { t } = useI18n();
  const o = useOptions();
  const priorOrders = useWatch({ name: 'history.priorOrders' }) as string | undefined;
  const arrests = useWatch({ name: 'history.arrests' }) as string | undefined;
  return (
    <Section id="history" title={t('section.history')}>
      <div className="field-row">
        <DateField name="history.lastEntryDate" label={t('field.lastEntryDate')} />
        <SelectField
          name="history.lastEntryManner"
          label={t('field.lastEntryManner')}
          options={o.entryManner}
          blank={t('common.notAnswered')}
        />
      </div>
      <SelectField name="history.priorOrders" label={t('field.priorOrders')} options={o.priorOrders} />
      {priorOrders === 'yes' ? <TextAreaField name="history.priorOrdersDetails" label={t('field.priorOrdersDetails')} /> : null}
      <SelectField name="history.arrests" label={t('field.arrests')} options={o.priorOrders} />
      {arrests === 'yes' ? <TextAreaField name="history.arrestsDetails" label={t('field.arrestsDetails')} /> : null}
      <div className="field-row">
        <TextField name="history.tpsCountry" label={t('field.tpsCountry')} />
        <SelectField name="history.tpsStatus" label={t('field.tpsStatus')} options={o.tpsStatus} blank={t('common.notAnswered')} />
        <DateField name="history.eadExpiry" label={t('field.eadExpiry')} />
      </div>
    </Section>
  );
}

/** One case's fields, at `prefix` (e.g. "cases.0" in the full intake, "" in the case editor). */
export function CaseFields({ prefix }: { prefix: string }) {
  const { t } = useI18n();
  const o = useOptions();
  const p = (n: string) => (prefix ? `${prefix}.${n}` : n);
  return (
    <>
      <div className="field-row">
        <SelectField name={p('type')} label={t('field.caseType')} options={o.caseType} blank={t('common.choose')} />
        <SelectField name={p('status')} label={t('field.caseStatus')} options={o.caseStatus} />
      </div>
      <div className="field-row">
        <TextField name={p('court')} label={t('field.court')} />
        <TextField name={p('judge')} label={t('field.judge')} />
      </div>
      <div className="field-row">
        <DateField name={p('nextHearing.date')} label={t('field.hearingDate')} />
        <TextField name={p('nextHearing.time')} label={t('field.hearingTime')} hint={t('field.hearingTimeHint')} size="short" />
        <SelectField name={p('nextHearing.kind')} label={t('field.hearingKind')} options={o.hearingKind} blank={t('common.notAnswered')} />
      </div>
      <AssigneeField name={p('assignedTo')} />
      <TextAreaField name={p('outcome')} label={t('field.outcome')} rows={2} />
    </>
  );
}

/**
 * A section holding a list (cases, family members): each item in its own
 * fieldset with a Remove button, and an Add button that moves focus to the new
 * item's first field — and back to Add after a removal, so keyboard users
 * never lose their place.
 */
function ListSection({
  name,
  keys,
  empty,
  firstField,
  children,
}: {
  name: 'cases' | 'family';
  keys: { title: MessageKey; none: MessageKey; item: MessageKey; add: MessageKey; remove: MessageKey };
  empty: () => Record<string, unknown>;
  firstField: string;
  children: (prefix: string) => ReactNode;
}) {
  const { t } = useI18n();
  const { control, setFocus } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  const addId = useFieldId(`${name}-add`);
  return (
    <Section id={name} title={t(keys.title)}>
      {fields.length === 0 ? <p className="muted">{t(keys.none)}</p> : null}
      {fields.map((f, i) => (
        <fieldset key={f.id} className="subgroup list-item">
          <legend>{t(keys.item, { n: i + 1 })}</legend>
          {children(`${name}.${i}`)}
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => {
              remove(i);
              setTimeout(() => document.getElementById(addId)?.focus(), 0);
            }}
          >
            {t(keys.remove, { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id={addId}
        className="btn btn-small"
        onClick={() => {
          append(empty(), { shouldFocus: false });
          setTimeout(() => setFocus(`${name}.${fields.length}.${firstField}`), 0);
        }}
      >
        + {t(keys.add)}
      </button>
    </Section>
  );
}

export function CasesSection() {
  return (
    <ListSection
      name="cases"
      keys={{ title: 'section.cases', none: 'cases.none', item: 'cases.caseN', add: 'cases.add', remove: 'cases.remove' }}
      empty={emptyCase}
      firstField="type"
    >
      {(prefix) => <CaseFields prefix={prefix} />}
    </ListSection>
  );
}

export function FamilySection() {
  const { t } = useI18n();
  return (
    <ListSection
      name="family"
      keys={{ title: 'section.family', none: 'family.none', item: 'family.memberN', add: 'family.add', remove: 'family.remove' }}
      empty={emptyFamilyMember}
      firstField="name"
    >
      {(prefix) => (
        <>
          <div className="field-row">
            <TextField name={`${prefix}.name`} label={t('field.familyMemberName')} />
            <TextField name={`${prefix}.relationship`} label={t('field.relationship')} />
          </div>
          <FamilyLinkField prefix={prefix} />
          <CheckboxField name={`${prefix}.usCitizen`} label={t('field.usCitizen')} />
          <TextAreaField name={`${prefix}.notes`} label={t('field.notes')} rows={2} />
        </>
      )}
    </ListSection>
  );
}

export function NotesSection({ withUrgentNeeds = false }: { withUrgentNeeds?: boolean }) {
  const { t } = useI18n();
  return (
    <Section id="notes" title={t('section.notes')}>
      {withUrgentNeeds ? <TextAreaField name="urgentNeeds" label={t('field.urgentNeeds')} rows={2} /> : null}
      <TextAreaField name="notes" label={t('field.notes')} rows={4} />
    </Section>
  );
}

/** The full intake asks first whether consent was given; when, how and in which language follow, required, only if it was. */
function GivenConsent() {
  const { t } = useI18n();
  const given = useWatch({ name: 'consent.given' }) as boolean | undefined;
  return (
    <>
      <YesNoField
        name="consent.given"
        label={t('field.consentGiven')}
        deps={['consent.date', 'consent.how', 'consent.language']}
        required
      />
      {given ? <ConsentFields required /> : null}
    </>
  );
}

function ConsentFields({ required }: { required: boolean }) {
  const { t } = useI18n();
  const o = useOptions();
  return (
    <div className="field-row">
      <DateField name="consent.date" label={t('field.consentDate')} required={required} />
      <SelectField name="consent.how" label={t('field.consentHow')} options={o.consentHow} blank={t('common.choose')} required={required} />
      <TextField name="consent.language" label={t('field.consentLanguage')} required={required} />
    </div>
  );
}

export function ConsentSection({ optional = false }: { optional?: boolean }) {
  const { t } = useI18n();
  return (
    <Section id="consent" title={t('section.consent')}>
      <p className="field-hint">{optional ? t('consent.optionalHint') : t('consent.hint')}</p>
      {optional ? <ConsentFields required={false} /> : <GivenConsent />}
    </Section>
  );
}
