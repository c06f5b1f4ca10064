/**
 * The person's detention history (issue 14 §3): arrest, each facility with
 * its dates (a transfer is a new stay), booking id, bond, ankle monitor and
 * release. Saving it (detention.save) sets detained, the current facility and
 * the docket of every hearing in the core, in one transaction; the panel says
 * how many hearings changed docket.
 */
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import type { DetentionHistory } from '../../../../shared/schemas/detention';
import type { PersonView } from '../../../../shared/views';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { coreErrorCode, useCoreMutation, CASE_READS, type CoreQueryError } from '../../query';
import { FormAlert } from '../../components/FormAlert';
import { CheckInput, SelectInput, TextInput } from '../deadlines/fields';
import { FieldFrame, controlAria } from '../../components/FieldParts';
import { parseDateInput, usInput } from '../deadlines/format';
import { FacilityCombobox } from './FacilityCombobox';

interface StayValues {
  facility: string;
  facilityId: string;
  from: string;
  to: string;
  bookingId: string;
}

interface Values {
  arrestDate: string;
  stays: StayValues[];
  bondAmount: string;
  bondSetBy: '' | 'ice' | 'ij';
  bondDate: string;
  bondPosted: boolean;
  bondPostedDate: string;
  ankleMonitor: boolean;
  releasedOn: string;
  releaseKind: '' | 'bond' | 'parole' | 'recognizance' | 'atd' | 'order' | 'other';
}

const emptyStay = (): StayValues => ({ facility: '', facilityId: '', from: '', to: '', bookingId: '' });

function valuesOf(h: DetentionHistory | undefined): Values {
  return {
    arrestDate: usInput(h?.arrestDate),
    stays: h?.stays.length
      ? h.stays.map((s) => ({
          facility: s.facility,
          facilityId: s.facilityId ?? '',
          from: usInput(s.from),
          to: usInput(s.to),
          bookingId: s.bookingId ?? '',
        }))
      : [emptyStay()],
    bondAmount: h?.bond?.amount === undefined ? '' : String(h.bond.amount),
    bondSetBy: h?.bond?.setBy ?? '',
    bondDate: usInput(h?.bond?.date),
    bondPosted: h?.bond?.posted ?? false,
    bondPostedDate: usInput(h?.bond?.postedDate),
    ankleMonitor: h?.ankleMonitor ?? false,
    releasedOn: usInput(h?.releasedOn),
    releaseKind: h?.releaseKind ?? '',
  };
}

type Problem = { field: string; message: MessageKey };

/** The history the core takes, or the first problem (a date that is not one). */
function historyOf(v: Values): DetentionHistory | Problem {
  const date = (text: string, field: string): string | undefined | Problem => {
    if (text.trim() === '') return undefined;
    return parseDateInput(text) ?? { field, message: 'date.invalid' };
  };
  const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'message' in x;
  const arrest = date(v.arrestDate, 'arrestDate');
  if (isProblem(arrest)) return arrest;
  const stays: DetentionHistory['stays'] = [];
  for (const [i, s] of v.stays.entries()) {
    if (s.facility.trim() === '' && s.from.trim() === '' && s.to.trim() === '') continue;
    if (s.facility.trim() === '') return { field: `stays.${i}.facility`, message: 'detention.stayFacilityRequired' };
    const from = date(s.from, `stays.${i}.from`);
    if (isProblem(from)) return from;
    if (from === undefined) return { field: `stays.${i}.from`, message: 'detention.fromRequired' };
    const to = date(s.to, `stays.${i}.to`);
    if (isProblem(to)) return to;
    stays.push({
      facility: s.facility.trim(),
      ...(s.facilityId ? { facilityId: s.facilityId } : {}),
      from,
      ...(to ? { to } : {}),
      ...(s.bookingId.trim() ? { bookingId: s.bookingId.trim() } : {}),
    });
  }
  const bondDate = date(v.bondDate, 'bondDate');
  if (isProblem(bondDate)) return bondDate;
  const postedDate = date(v.bondPostedDate, 'bondPostedDate');
  if (isProblem(postedDate)) return postedDate;
  const released = date(v.releasedOn, 'releasedOn');
  if (isProblem(released)) return released;
  if (v.bondAmount.trim() !== '' && !/^\d{1,8}$/.test(v.bondAmount.trim()))
    return { field: 'bondAmount', message: 'detention.amountInvalid' };
  const hasBond = v.bondAmount.trim() !== '' || v.bondSetBy !== '' || bondDate !== undefined || v.bondPosted;
  return {
    ...(arrest ? { arrestDate: arrest } : {}),
    stays,
    ...(hasBond
      ? {
          bond: {
            ...(v.bondAmount.trim() ? { amount: Number(v.bondAmount.trim()) } : {}),
            ...(v.bondSetBy ? { setBy: v.bondSetBy } : {}),
            ...(bondDate ? { date: bondDate } : {}),
            posted: v.bondPosted,
            ...(v.bondPosted && postedDate ? { postedDate } : {}),
          },
        }
      : {}),
    ankleMonitor: v.ankleMonitor,
    ...(released ? { releasedOn: released } : {}),
    ...(released && v.releaseKind ? { releaseKind: v.releaseKind } : {}),
  };
}

/** The core's first schema problem, as a catalog key when it is one. */
function coreProblem(error: CoreQueryError, tv: (k: string | undefined) => string | undefined): string | null {
  const issues = (error.info.details as { issues?: Array<{ message?: string }> } | undefined)?.issues;
  const first = issues?.map((i) => tv(i.message)).find(Boolean);
  return first ?? null;
}

export function DetentionPanel({ view, onSaved }: { view: PersonView; onSaved(v: PersonView): void }) {
  const { t, tv } = useI18n();
  const form = useForm<Values>({ defaultValues: valuesOf(view.detention.history) });
  const { register, control, handleSubmit, setValue } = form;
  const stays = useFieldArray({ control, name: 'stays' });
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useCoreMutation('detention.save', { invalidates: CASE_READS });
  const id = (k: string) => `detention-${k.replace(/\./g, '-')}`;
  const posted = useWatch({ control, name: 'bondPosted' });

  const submit = handleSubmit(async (v) => {
    setStatus(null);
    const h = historyOf(v);
    if ('message' in h) {
      setProblem(t(h.message));
      document.getElementById(id(h.field))?.focus();
      return;
    }
    setProblem(null);
    try {
      const r = await save.mutateAsync({ personId: view.id, version: view.version, history: h });
      onSaved(r.person);
      setStatus(
        t('detention.saved', {
          detained: r.person.detention.detained ? 'yes' : 'no',
          facility: r.person.detention.facility ?? '',
          hearings: r.hearings.length,
        }),
      );
    } catch (e) {
      const err = e as CoreQueryError;
      setProblem(coreProblem(err, tv) ?? t(errorKey(coreErrorCode(err) ?? 'INTERNAL')));
    }
  });

  return (
    <section className="panel detention-panel" aria-labelledby="detention-title">
      <h3 id="detention-title">{t('detention.title')}</h3>
      <p className="panel-intro">{t('detention.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert id="detention-alert" message={problem} />
        <TextInput
          id={id('arrestDate')}
          label={t('detention.arrestDate')}
          hint={t('deadlines.dateHint')}
          className="field--short"
          registration={register('arrestDate')}
        />
        <fieldset className="detention-stays">
          <legend>{t('detention.stays')}</legend>
          {stays.fields.map((f, i) => (
            <div key={f.id} className="field-row detention-stay" role="group" aria-label={t('detention.stayN', { n: i + 1 })}>
              <StayFacility control={control} i={i} id={id(`stays.${i}.facility`)} register={register} setValue={setValue} />
              <TextInput
                id={id(`stays.${i}.from`)}
                label={t('detention.from')}
                hint={t('deadlines.dateHint')}
                className="field--short"
                registration={register(`stays.${i}.from`)}
              />
              <TextInput
                id={id(`stays.${i}.to`)}
                label={t('detention.to')}
                hint={t('detention.toHint')}
                className="field--short"
                registration={register(`stays.${i}.to`)}
              />
              <TextInput
                id={id(`stays.${i}.bookingId`)}
                label={t('detention.bookingId')}
                className="field--short"
                registration={register(`stays.${i}.bookingId`)}
              />
              {stays.fields.length > 1 ? (
                <button type="button" className="btn btn-small" onClick={() => stays.remove(i)}>
                  {t('detention.removeStay', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="btn"
            onClick={() => stays.append(emptyStay(), { focusName: `stays.${stays.fields.length}.facility` })}
          >
            {t('detention.addStay')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('detention.bond')}</legend>
          <div className="field-row">
            <TextInput
              id={id('bondAmount')}
              label={t('detention.bondAmount')}
              inputMode="numeric"
              className="field--short"
              registration={register('bondAmount')}
            />
            <SelectInput
              id={id('bondSetBy')}
              label={t('detention.bondSetBy')}
              className="field--medium"
              registration={register('bondSetBy')}
              options={[
                { value: '', label: t('detention.setBy.none') },
                { value: 'ice', label: t('detention.setBy.ice') },
                { value: 'ij', label: t('detention.setBy.ij') },
              ]}
            />
            <TextInput
              id={id('bondDate')}
              label={t('detention.bondDate')}
              hint={t('deadlines.dateHint')}
              className="field--short"
              registration={register('bondDate')}
            />
          </div>
          <CheckInput id={id('bondPosted')} label={t('detention.bondPosted')} registration={register('bondPosted')} />
          {posted ? (
            <TextInput
              id={id('bondPostedDate')}
              label={t('detention.bondPostedDate')}
              hint={t('deadlines.dateHint')}
              className="field--short"
              registration={register('bondPostedDate')}
            />
          ) : null}
        </fieldset>
        <CheckInput id={id('ankleMonitor')} label={t('detention.ankleMonitor')} registration={register('ankleMonitor')} />
        <div className="field-row">
          <TextInput
            id={id('releasedOn')}
            label={t('detention.releasedOn')}
            hint={t('deadlines.dateHint')}
            className="field--short"
            registration={register('releasedOn')}
          />
          <SelectInput
            id={id('releaseKind')}
            label={t('detention.releaseKind')}
            className="field--medium"
            registration={register('releaseKind')}
            options={(['', 'bond', 'parole', 'recognizance', 'atd', 'order', 'other'] as const).map((k) => ({
              value: k,
              label: t(`detention.release.${k || 'none'}` as MessageKey),
            }))}
          />
        </div>
        <div className="actions actions--start">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('detention.saving') : t('detention.save')}
          </button>
        </div>
        <div id="detention-status" className={status ? 'form-status' : 'form-status form-status--empty'} role="status">
          {status ?? ''}
        </div>
      </form>
    </section>
  );
}

/** One stay's facility: the combobox, with the listed facility's id kept beside the name. */
function StayFacility({
  control,
  i,
  id,
  register,
  setValue,
}: {
  control: Control<Values>;
  i: number;
  id: string;
  register: ReturnType<typeof useForm<Values>>['register'];
  setValue: ReturnType<typeof useForm<Values>>['setValue'];
}) {
  const { t } = useI18n();
  const text = useWatch({ control, name: `stays.${i}.facility` });
  const hint = t('facility.hint');
  const reg = register(`stays.${i}.facility`, {
    // A typed change that is not a pick forgets the listed facility.
    onChange: () => setValue(`stays.${i}.facilityId`, ''),
  });
  return (
    <FieldFrame id={id} label={t('detention.facility')} hint={hint} classes={['field--grow']}>
      <FacilityCombobox
        text={text}
        onPick={(f) => {
          setValue(`stays.${i}.facility`, f.name, { shouldDirty: true });
          setValue(`stays.${i}.facilityId`, f.id);
        }}
        inputProps={{ id, ...controlAria(id, hint, undefined), ...reg }}
      />
    </FieldFrame>
  );
}
