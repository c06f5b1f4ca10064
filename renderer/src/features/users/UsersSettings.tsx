/**
 * Settings → Users (issue 10), for leads: who may unlock this vault, with
 * their role and expiry; add a user, remove one (then rekey), reset someone
 * else's passphrase, and see a user's activity in the trail. Every rule is
 * the core's (users.* and audit.* in dispatch); this only asks.
 */
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { errorKey } from '../../../../shared/i18n';
import { passphraseSchema } from '../../../../shared/schemas/vault';
import { ROLES, userNameSchema, type UserView } from '../../../../shared/users';
import { useI18n } from '../../i18n';
import { useCoreMutation, useCoreQuery, coreErrorCode } from '../../query';
import { useSession } from '../../session';
import { Field } from '../../components/Field';
import { FieldError, FieldHint, controlAria } from '../../components/FieldParts';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { ShowPassphrases } from '../../components/ShowPassphrases';
import { NewPassphraseField } from '../../components/NewPassphraseField';
import { SubmitButton } from '../../components/SubmitButton';
import { localDateTime } from '../people/format';
import { ExportTrail, UserActivity } from './UserActivity';
import { RecoveryCode } from '../../screens/RecoveryCode';

/** The second copy must match once the first is valid (as on the vault screens). */
function confirmed<T extends { passphrase: string; confirm: string }>(d: T, ctx: z.RefinementCtx) {
  if (!passphraseSchema.safeParse(d.passphrase).success || d.passphrase === d.confirm) return;
  ctx.addIssue({ code: 'custom', path: ['confirm'], message: d.confirm === '' ? 'passphrase.confirmRequired' : 'passphrase.mismatch' });
}

const addUserForm = z
  .object({
    name: userNameSchema,
    displayName: z.string().trim().max(200),
    role: z.enum(ROLES),
    expiresDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'user.expiryInvalid' }),
    expiresTime: z.string().regex(/^(\d{2}:\d{2})?$/, { message: 'user.expiryInvalid' }),
    passphrase: passphraseSchema,
    confirm: z.string(),
  })
  .superRefine(confirmed);
type AddUserIn = z.input<typeof addUserForm>;
type AddUserOut = z.output<typeof addUserForm>;

const resetForm = z.object({ passphrase: passphraseSchema, confirm: z.string() }).superRefine(confirmed);
type ResetIn = z.input<typeof resetForm>;

/** Date and time typed in local time, as the core reads `YYYY-MM-DDTHH:MM`; a date alone ends that day. */
const expiryOf = (date: string, time: string): string | null => (date ? `${date}T${time || '23:59'}` : null);

/** An ISO instant as the date and time inputs show it, in local time (the inverse of expiryOf). */
function localParts(iso: string | null): { expiresDate: string; expiresTime: string } {
  if (!iso) return { expiresDate: '', expiresTime: '' };
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    expiresDate: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
    expiresTime: `${p(d.getHours())}:${p(d.getMinutes())}`,
  };
}

const editUserForm = z
  .object({
    role: z.enum(ROLES),
    never: z.boolean(),
    expiresDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'user.expiryInvalid' }),
    expiresTime: z.string().regex(/^(\d{2}:\d{2})?$/, { message: 'user.expiryInvalid' }),
  })
  // "Never expires" unticked means a date is wanted: an empty one is a mistake, not "never".
  .refine((v) => v.never || v.expiresDate !== '', { path: ['expiresDate'], message: 'user.expiryInvalid' });
type EditUserIn = z.input<typeof editUserForm>;

type Open = 'edit' | 'reset' | 'remove' | 'activity';

export function UsersSettings() {
  const { t } = useI18n();
  const users = useCoreQuery('users.list', {});
  // Kept as a message to translate, not its text, so it follows a language switch.
  const [notice, setNotice] = useState<((tr: typeof t) => string) | null>(null);
  // A function in state must be set through an updater, or React would call it.
  const say = (msg: (tr: typeof t) => string) => setNotice(() => msg);
  const [offerRekey, setOfferRekey] = useState(false);
  const [newCode, setNewCode] = useState<string | null>(null);
  if (newCode) {
    // The same print-friendly screen as vault creation: print it, tick that it is saved, then go on.
    return (
      <RecoveryCode
        code={newCode}
        onContinue={() => {
          setNewCode(null);
          setOfferRekey(false);
          say((tr) => tr('users.rekeyDone'));
        }}
      />
    );
  }
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <p>{t('users.intro')}</p>
      <FormAlert id="users-alert" message={users.error ? t(errorKey(coreErrorCode(users.error)!)) : null} />
      <FormStatus message={notice ? notice(t) : null} />
      {users.data ? (
        <UsersTable
          users={users.data}
          onRemoved={(name) => {
            say((tr) => tr('users.removed', { name }));
            setOfferRekey(true);
          }}
          onUpdated={(name) => say((tr) => tr('users.updated', { name }))}
        />
      ) : null}
      <ExportTrail />
      <Rekey highlight={offerRekey} onRekeyed={setNewCode} />
      <AddUser onAdded={(name) => say((tr) => tr('users.added', { name }))} />
    </section>
  );
}

function UsersTable({ users, onRemoved, onUpdated }: { users: UserView[]; onRemoved(name: string): void; onUpdated(name: string): void }) {
  const { t, lang } = useI18n();
  const { user: me } = useSession();
  const [open, setOpen] = useState<{ name: string; what: Open } | null>(null);
  const toggle = (name: string, what: Open) => setOpen((cur) => (cur?.name === name && cur.what === what ? null : { name, what }));
  return (
    <div className="table-wrap">
      <table className="data-table users-table" aria-label={t('users.list')}>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col" className="nowrap">
              {t('users.expiresCol')}
            </th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.name === me?.name;
            return (
              <UserRow key={u.name} user={u} self={self} open={open?.name === u.name ? open.what : null} toggle={toggle} lang={lang}>
                {open?.name !== u.name ? null : open.what === 'edit' ? (
                  <EditUser
                    user={u}
                    self={self}
                    onCancel={() => setOpen(null)}
                    onSaved={() => {
                      setOpen(null);
                      onUpdated(u.name);
                    }}
                  />
                ) : open.what === 'reset' ? (
                  <ResetPassphrase user={u} onDone={() => setOpen(null)} />
                ) : open.what === 'remove' ? (
                  <RemoveUser
                    user={u}
                    onCancel={() => setOpen(null)}
                    onRemoved={() => {
                      setOpen(null);
                      onRemoved(u.name);
                    }}
                  />
                ) : (
                  <UserActivity user={u} />
                )}
              </UserRow>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({
  user: u,
  self,
  open,
  toggle,
  lang,
  children,
}: {
  user: UserView;
  self: boolean;
  open: Open | null;
  toggle(name: string, what: Open): void;
  lang: 'en' | 'es';
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <tr>
        <th scope="row" className="mono">
          {self ? t('users.you', { name: u.name }) : u.name}
        </th>
        <td>{u.displayName}</td>
        <td className="nowrap">{t(`role.${u.role}`)}</td>
        <td className="nowrap">
          {u.expiresAt ? localDateTime(u.expiresAt, lang) : t('users.never')}
          {u.expired ? <span className="pill pill--warning">{t('users.expired')}</span> : null}
        </td>
        <td className="row-actions">
          <button type="button" className="btn btn-small" aria-expanded={open === 'activity'} onClick={() => toggle(u.name, 'activity')}>
            {t('users.activity')}
            <span className="visually-hidden"> {u.name}</span>
          </button>
          <button type="button" className="btn btn-small" aria-expanded={open === 'edit'} onClick={() => toggle(u.name, 'edit')}>
            {t('users.edit')}
            <span className="visually-hidden"> {u.name}</span>
          </button>
          {/* Your own passphrase is changed below, with the current one; a lead resets only someone else's. */}
          {!self ? (
            <>
              <button type="button" className="btn btn-small" aria-expanded={open === 'reset'} onClick={() => toggle(u.name, 'reset')}>
                {t('users.reset')}
                <span className="visually-hidden"> {u.name}</span>
              </button>
              <button
                type="button"
                className="btn btn-small btn-danger-outline"
                aria-expanded={open === 'remove'}
                onClick={() => toggle(u.name, 'remove')}
              >
                {t('users.remove', { name: u.name })}
              </button>
            </>
          ) : null}
        </td>
      </tr>
      {children ? (
        <tr className="row-detail">
          <td colSpan={5}>{children}</td>
        </tr>
      ) : null}
    </>
  );
}

function RemoveUser({ user, onCancel, onRemoved }: { user: UserView; onCancel(): void; onRemoved(): void }) {
  const { t } = useI18n();
  const remove = useCoreMutation('users.remove', { invalidates: ['users', 'audit'], onSuccess: onRemoved });
  return (
    <div className="confirm" role="group" aria-labelledby={`remove-${user.name}-q`}>
      <p id={`remove-${user.name}-q`}>{t('users.removeConfirm', { name: user.name })}</p>
      <FormAlert id={`remove-${user.name}-alert`} message={remove.error ? t(errorKey(coreErrorCode(remove.error)!)) : null} />
      <div className="actions actions--start">
        <button
          type="button"
          className="btn btn-danger-outline"
          // Focus moves here when the question opens: the one decision to make.
          autoFocus
          disabled={remove.isPending}
          onClick={() => remove.mutate({ name: user.name })}
        >
          {remove.isPending ? t('users.removing') : t('users.removeYes', { name: user.name })}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function Rekey({ highlight, onRekeyed }: { highlight: boolean; onRekeyed(code: string): void }) {
  const { t } = useI18n();
  const rekey = useCoreMutation('vault.rekey', { invalidates: ['audit'], onSuccess: (r) => onRekeyed(r.recoveryCode) });
  return (
    <div className={highlight ? 'rekey rekey--due' : 'rekey'}>
      <p>{t('users.rekeyIntro')}</p>
      <FormAlert id="rekey-alert" message={rekey.error ? t(errorKey(coreErrorCode(rekey.error)!)) : null} />
      <button type="button" className={highlight ? 'btn btn-primary' : 'btn'} disabled={rekey.isPending} onClick={() => rekey.mutate({})}>
        {rekey.isPending ? t('users.rekeying') : t('users.rekey')}
      </button>
    </div>
  );
}

/**
 * A lead changes someone's role or expiry (users.update). Your own role is
 * shown but locked: the core refuses it too, and its message lands on the field.
 */
function EditUser({ user, self, onCancel, onSaved }: { user: UserView; self: boolean; onCancel(): void; onSaved(): void }) {
  const { t, tv } = useI18n();
  const id = useId();
  const update = useCoreMutation('users.update', { invalidates: ['users', 'audit'] });
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<EditUserIn>({
    resolver: zodResolver(editUserForm),
    defaultValues: { role: user.role, never: user.expiresAt === null, ...localParts(user.expiresAt) },
  });
  const never = useWatch({ control, name: 'never' });
  const onSubmit = handleSubmit(async (v) => {
    try {
      await update.mutateAsync({
        name: user.name,
        ...(self ? {} : { role: v.role }),
        expiresAt: v.never ? null : expiryOf(v.expiresDate, v.expiresTime),
      });
      onSaved();
    } catch (e) {
      // The core's field messages go on their fields (announced by FieldError); anything else above the form.
      const issues = (e as { info?: { details?: { issues?: Array<{ path: string[]; message: string }> } } }).info?.details?.issues;
      for (const i of issues ?? []) {
        const field = i.path[0] === 'expiresAt' ? 'expiresDate' : i.path[0] === 'role' ? 'role' : null;
        if (field) setError(field, { type: 'server', message: i.message }, { shouldFocus: true });
      }
    }
  });
  const formError = update.error && !update.error.info.details ? t(errorKey(update.error.info.code)) : null;
  const dateError = tv(errors.expiresDate?.message);
  const roleHint = self ? t('users.editSelfRole') : null;
  return (
    <form className="form-narrow" noValidate aria-label={t('users.editFor', { name: user.name })} onSubmit={(e) => void onSubmit(e)}>
      <FormAlert id={`${id}-alert`} message={formError} />
      <div className={`field${errors.role ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <FieldHint id={`${id}-role`} hint={roleHint} />
        <select
          id={`${id}-role`}
          autoFocus={!self}
          disabled={self}
          {...controlAria(`${id}-role`, roleHint, tv(errors.role?.message))}
          {...register('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-role`} error={tv(errors.role?.message)} />
      </div>
      <div className="checkbox">
        <input id={`${id}-never`} type="checkbox" autoFocus={self} {...register('never')} />
        <label htmlFor={`${id}-never`}>{t('users.clearExpiry')}</label>
      </div>
      {never ? null : (
        <div className="field-row">
          <div className={`field${dateError ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-date`}>{t('users.expiresDate')}</label>
            <FieldHint id={`${id}-date`} hint={t('users.expiresHint')} />
            <input
              id={`${id}-date`}
              type="date"
              {...controlAria(`${id}-date`, t('users.expiresHint'), dateError)}
              {...register('expiresDate')}
            />
            <FieldError id={`${id}-date`} error={dateError} />
          </div>
          <div className={`field field--short${errors.expiresTime ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-time`}>{t('users.expiresTime')}</label>
            <input
              id={`${id}-time`}
              type="time"
              {...controlAria(`${id}-time`, null, tv(errors.expiresTime?.message))}
              {...register('expiresTime')}
            />
            <FieldError id={`${id}-time`} error={tv(errors.expiresTime?.message)} />
          </div>
        </div>
      )}
      <div className="actions actions--start">
        <SubmitButton busy={update.isPending} label={t('users.editSubmit')} busyLabel={t('users.editSaving')} />
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ResetPassphrase({ user, onDone }: { user: UserView; onDone(): void }) {
  const { t, tv } = useI18n();
  const id = useId();
  const [show, setShow] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useCoreMutation('users.resetPassphrase', { invalidates: ['audit'], onSuccess: () => setDone(true) });
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<ResetIn>({ resolver: zodResolver(resetForm), defaultValues: { passphrase: '', confirm: '' } });
  const value = useWatch({ control, name: 'passphrase' }) ?? '';
  const type = show ? 'text' : 'password';
  if (done) {
    return (
      <div className="actions actions--start">
        <FormStatus message={t('users.resetDone', { name: user.name })} />
        <button type="button" className="btn btn-small" onClick={onDone}>
          {t('users.close')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="form-narrow"
      noValidate
      aria-label={t('users.resetFor', { name: user.name })}
      onSubmit={(e) => void handleSubmit(({ passphrase }) => reset.mutate({ name: user.name, passphrase }))(e)}
    >
      <FormAlert id={`${id}-alert`} message={reset.error ? t(errorKey(coreErrorCode(reset.error)!)) : null} />
      <NewPassphraseField
        id={`${id}-pass`}
        label={t('users.resetFor', { name: user.name })}
        type={type}
        autoFocus
        error={tv(errors.passphrase?.message)}
        registration={register('passphrase')}
        strengthId={`${id}-strength`}
        value={value}
      />
      <Field
        id={`${id}-confirm`}
        label={t('users.passphraseConfirm')}
        type={type}
        autoComplete="new-password"
        error={tv(errors.confirm?.message)}
        registration={register('confirm')}
      />
      <ShowPassphrases checked={show} onChange={setShow} />
      <div className="actions actions--start">
        <SubmitButton busy={reset.isPending} label={t('users.resetSubmit')} busyLabel={t('users.resetSubmit')} />
      </div>
    </form>
  );
}

function AddUser({ onAdded }: { onAdded(name: string): void }) {
  const { t, tv } = useI18n();
  const [show, setShow] = useState(false);
  const add = useCoreMutation('users.add', { invalidates: ['users', 'audit'] });
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<AddUserIn, unknown, AddUserOut>({
    resolver: zodResolver(addUserForm),
    defaultValues: { name: '', displayName: '', role: 'volunteer', expiresDate: '', expiresTime: '', passphrase: '', confirm: '' },
  });
  const passphrase = useWatch({ control, name: 'passphrase' }) ?? '';
  const onSubmit = handleSubmit(async (v) => {
    const expiresAt = expiryOf(v.expiresDate, v.expiresTime);
    try {
      await add.mutateAsync({
        name: v.name,
        role: v.role,
        passphrase: v.passphrase,
        ...(v.displayName ? { displayName: v.displayName } : {}),
        ...(expiresAt ? { expiresAt } : {}),
      });
      reset();
      onAdded(v.name);
      setTimeout(() => setFocus('name'), 0);
    } catch (e) {
      // A name already taken is the name field's error; anything else shows above the form.
      const issues = (e as { info?: { details?: { issues?: Array<{ path: string[]; message: string }> } } }).info?.details?.issues;
      const nameIssue = issues?.find((i) => i.path[0] === 'name');
      if (nameIssue) {
        setError('name', { type: 'server', message: nameIssue.message });
        setTimeout(() => setFocus('name', { shouldSelect: true }), 0);
      }
    }
  });
  const type = show ? 'text' : 'password';
  const addError = add.error && !add.error.info.details ? t(errorKey(add.error.info.code)) : null;
  return (
    <form className="form-narrow add-user" noValidate aria-labelledby="add-user-title" onSubmit={(e) => void onSubmit(e)}>
      <h3 id="add-user-title">{t('users.addTitle')}</h3>
      <FormAlert id="add-user-alert" message={addError} />
      <Field
        id="add-user-name"
        label={t('users.name')}
        hint={t('users.nameHint')}
        autoComplete="off"
        error={tv(errors.name?.message)}
        registration={register('name')}
      />
      <Field
        id="add-user-display"
        label={t('users.displayName')}
        autoComplete="off"
        error={tv(errors.displayName?.message)}
        registration={register('displayName')}
      />
      <div className="field">
        <label htmlFor="add-user-role">{t('users.role')}</label>
        <select id="add-user-role" {...register('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <div className={`field${errors.expiresDate ? ' field--invalid' : ''}`}>
          <label htmlFor="add-user-expires-date">{t('users.expiresDate')}</label>
          <FieldHint id="add-user-expires-date" hint={t('users.expiresHint')} />
          <input
            id="add-user-expires-date"
            type="date"
            {...controlAria('add-user-expires-date', t('users.expiresHint'), tv(errors.expiresDate?.message))}
            {...register('expiresDate')}
          />
          <FieldError id="add-user-expires-date" error={tv(errors.expiresDate?.message)} />
        </div>
        <div className={`field field--short${errors.expiresTime ? ' field--invalid' : ''}`}>
          <label htmlFor="add-user-expires-time">{t('users.expiresTime')}</label>
          <input
            id="add-user-expires-time"
            type="time"
            {...controlAria('add-user-expires-time', null, tv(errors.expiresTime?.message))}
            {...register('expiresTime')}
          />
          <FieldError id="add-user-expires-time" error={tv(errors.expiresTime?.message)} />
        </div>
      </div>
      <NewPassphraseField
        id="add-user-pass"
        label={t('users.passphrase')}
        type={type}
        error={tv(errors.passphrase?.message)}
        registration={register('passphrase')}
        strengthId="add-user-strength"
        value={passphrase}
      />
      <Field
        id="add-user-confirm"
        label={t('users.passphraseConfirm')}
        type={type}
        autoComplete="new-password"
        error={tv(errors.confirm?.message)}
        registration={register('confirm')}
      />
      <ShowPassphrases checked={show} onChange={setShow} />
      <div className="actions actions--start">
        <SubmitButton busy={add.isPending} label={t('users.add')} busyLabel={t('users.adding')} />
      </div>
    </form>
  );
}
