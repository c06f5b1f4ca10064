/**
 * The clinic's enrolment screens (issue 12), beside the exchange panel:
 * make this vault a clinic, write a join request and join with the
 * acceptance, approve a request after the lead compares fingerprints, and
 * the devices list with revoke. The core checks every file and fingerprint;
 * this screen shows its coded errors in plain words.
 */
import { useState, type ChangeEvent } from 'react';
import { saveText } from '../../api';
import { callAndInvalidate, useCoreQuery } from '../../query';
import type { ClinicStatusView } from '../../../../shared/exchange';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { errorMsg, msg, msgWith, say, type Said } from '../../messages';
import { focusWhenReady } from '../intake/focus';

type Clinic = ClinicStatusView['clinic'];

/** A fingerprint in its groups of digits, large, each group read on its own. */
export function FingerprintGroups({ value, label }: { value: string; label: string }) {
  return (
    <p className="fingerprint" aria-label={`${label}: ${value}`} data-testid="fingerprint">
      {value.split(' ').map((g, i) => (
        <span key={i} className="fingerprint-group">
          {g}
        </span>
      ))}
    </p>
  );
}

/** The text of a file the person picked (join files are small JSON). */
async function pickedText(e: ChangeEvent<HTMLInputElement>): Promise<string | null> {
  const f = e.target.files?.[0];
  e.target.value = '';
  return f ? f.text() : null;
}

/** A panel's alert and status line, kept as catalogue ids (not text) so they re-render in a newly chosen language. */
function useMessages() {
  const { t } = useI18n();
  const [error, setError] = useState<Said>(null);
  const [message, setMessage] = useState<Said>(null);
  return { error: say(t, error), setError, message: say(t, message), setMessage };
}

/** Moves the keyboard to the element with this id once it is rendered (the control pressed may be gone). */
const focusId = (id: string) => focusWhenReady(() => document.getElementById(id));

export function ClinicDevices({ clinic, onChanged }: { clinic: Clinic; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const { error, setError, message, setMessage } = useMessages();
  const [myFingerprint, setMyFingerprint] = useState<string | null>(null);
  const fail = (code: string) => setError(errorMsg(code));
  const reset = () => {
    setError(null);
    setMessage(null);
  };

  async function init() {
    reset();
    const r = await callAndInvalidate('clinic.init', {}, ['clinic']);
    if (!r.ok) return fail(r.error.code);
    setMessage(msg('clinic.created'));
    await onChanged();
    // The button pressed is gone; the lead's next step is opening a join request.
    focusId('clinic-request');
  }

  async function writeRequest() {
    reset();
    const r = await callAndInvalidate('clinic.joinRequest', {}, ['clinic']);
    if (!r.ok) return fail(r.error.code);
    setMyFingerprint(r.value.fingerprint);
    const saved = await saveText(`amparo-join-request-${r.value.deviceId.slice(0, 8)}.json`, r.value.request, 'application/json');
    if (!saved.ok) return fail(saved.error.code);
    setMessage(msg(saved.value.saved ? 'clinic.requestSaved' : 'clinic.notSaved'));
  }

  async function join(e: ChangeEvent<HTMLInputElement>) {
    reset();
    const acceptance = await pickedText(e);
    if (!acceptance) return;
    const r = await callAndInvalidate('clinic.join', { acceptance }, ['clinic', 'exchange']);
    if (!r.ok) return fail(r.error.code);
    setMessage(msgWith('clinic.joined', { role: msg(`exchange.role.${r.value.role}`) }));
    await onChanged();
    // The join controls are gone; next is the exchange folder.
    focusId('exchange-folder');
  }

  return (
    <section className="panel" aria-labelledby="clinic-title">
      <h2 id="clinic-title">{t('clinic.title')}</h2>
      <FormAlert id="clinic-alert" message={error} />
      <FormStatus message={message} />
      {!clinic ? (
        <>
          <h3>{t('clinic.leadHeading')}</h3>
          <p className="hint">{t('clinic.initHint')}</p>
          <div className="actions actions--start">
            <button type="button" className="btn btn-primary" onClick={() => void init()}>
              {t('clinic.init')}
            </button>
          </div>
          <h3>{t('clinic.joinHeading')}</h3>
          <p className="hint">{t('clinic.joinHint')}</p>
          <div className="actions actions--start">
            <button type="button" className="btn" onClick={() => void writeRequest()}>
              {t('clinic.writeRequest')}
            </button>
          </div>
          {myFingerprint ? (
            <div data-testid="my-fingerprint">
              <p>{t('clinic.readToLead')}</p>
              <FingerprintGroups value={myFingerprint} label={t('clinic.deviceFingerprint')} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="clinic-acceptance">{t('clinic.openAcceptance')}</label>
            <input
              id="clinic-acceptance"
              className="file-input"
              type="file"
              accept=".json,application/json"
              onChange={(e) => void join(e)}
            />
          </div>
        </>
      ) : clinic.role === 'lead' ? (
        <>
          <ApproveRequest onDone={onChanged} />
          <DevicesList onChanged={onChanged} />
        </>
      ) : (
        // A member or field laptop: say what it is, rather than a heading over nothing.
        <p data-testid="clinic-member-note">{t('clinic.memberNote', { role: t(`exchange.role.${clinic.role}`) })}</p>
      )}
    </section>
  );
}

/** The lead opens a request, reads its fingerprint, types what the laptop shows, and approves. */
function ApproveRequest({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [request, setRequest] = useState<{ text: string; fingerprint: string; deviceId: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [role, setRole] = useState<'member' | 'field'>('member');
  const [expires, setExpires] = useState('');
  const [label, setLabel] = useState('');
  const { error, setError, message, setMessage } = useMessages();
  const [mismatch, setMismatch] = useState(false);
  const fail = (code: string) => setError(errorMsg(code));

  async function open(e: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setMessage(null);
    setRequest(null);
    const text = await pickedText(e);
    if (!text) return;
    const r = await callAndInvalidate('clinic.inspectRequest', { request: text }, []);
    if (!r.ok) return fail(r.error.code);
    setRequest({ text, ...r.value });
    setTyped('');
    setMismatch(false);
    // The fingerprint is on screen now: the next thing to do is type what the other laptop reads out.
    focusId('clinic-typed');
  }

  async function approve() {
    if (!request) return;
    setError(null);
    if (!typed.trim()) {
      setMismatch(true);
      setError(msg('clinic.typeDigits'));
      return focusId('clinic-typed');
    }
    const r = await callAndInvalidate(
      'clinic.approve',
      {
        request: request.text,
        role,
        fingerprint: typed,
        // The end of the chosen day, in this laptop's time zone.
        expires: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
        label: label.trim() || null,
      },
      ['clinic'],
    );
    if (!r.ok) {
      // A mismatch (or any refusal of the digits) sends the keyboard back to them, marked invalid.
      setMismatch(r.error.code === 'FINGERPRINT_MISMATCH');
      fail(r.error.code);
      if (r.error.code === 'FINGERPRINT_MISMATCH') focusId('clinic-typed');
      return;
    }
    setMismatch(false);
    const saved = await saveText(`amparo-acceptance-${r.value.deviceId.slice(0, 8)}.json`, r.value.acceptance, 'application/json');
    if (!saved.ok) return fail(saved.error.code);
    setMessage(msg(saved.value.saved ? 'clinic.approved' : 'clinic.notSaved'));
    setRequest(null);
    await onDone();
    // The form is gone: back to "Open a join request file", ready for the next laptop.
    focusId('clinic-request');
  }

  return (
    <div>
      <h3>{t('clinic.approveHeading')}</h3>
      <FormAlert id="approve-alert" message={error} />
      <FormStatus message={message} />
      <div className="field">
        <label htmlFor="clinic-request">{t('clinic.openRequest')}</label>
        <input id="clinic-request" className="file-input" type="file" accept=".json,application/json" onChange={(e) => void open(e)} />
      </div>
      {request ? (
        <div className="form-narrow" data-testid="approve-form">
          <p>{t('clinic.compare')}</p>
          <FingerprintGroups value={request.fingerprint} label={t('clinic.requestFingerprint')} />
          <div className={mismatch ? 'field field--invalid' : 'field'}>
            <label htmlFor="clinic-typed">{t('clinic.typedDigits')}</label>
            <input
              id="clinic-typed"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-describedby={mismatch ? 'clinic-typed-hint approve-alert' : 'clinic-typed-hint'}
              aria-invalid={mismatch || undefined}
            />
            <p id="clinic-typed-hint" className="hint">
              {t('clinic.typedHint')}
            </p>
          </div>
          <fieldset className="field">
            <legend>{t('clinic.approveAs')}</legend>
            {(['member', 'field'] as const).map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="clinic-role" value={r} checked={role === r} onChange={() => setRole(r)} />{' '}
                {t(`exchange.role.${r}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="clinic-label">{t('clinic.label')}</label>
            <input id="clinic-label" type="text" maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="clinic-expires">{t('clinic.expires')}</label>
            <input id="clinic-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
          </div>
          <div className="actions actions--start">
            <button type="button" className="btn btn-primary" onClick={() => void approve()}>
              {t('clinic.approve')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function DevicesList({ onChanged }: { onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const devices = useCoreQuery('clinic.devices', {});
  const seen = useCoreQuery('clinic.lastBundles', {});
  const [confirming, setConfirming] = useState<string | null>(null);
  const { error, setError, message, setMessage } = useMessages();
  const when = (s: string) => new Date(s).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

  async function revoke(id: string) {
    setError(null);
    const r = await callAndInvalidate('clinic.revoke', { deviceId: id }, ['clinic']);
    setConfirming(null);
    if (!r.ok) return setError(errorMsg(r.error.code));
    setMessage(msg('clinic.revoked', { device: r.value.label ?? id.slice(0, 8) }));
    await onChanged();
    // The row's buttons are gone once it is revoked: the keyboard goes to the list's heading.
    focusId('devices-title');
  }

  function ask(id: string | null, back?: string) {
    setConfirming(id);
    // Confirming offers the safe answer first; "Keep it" returns to the button that asked.
    focusId(id ? `revoke-no-${id}` : `revoke-${back}`);
  }

  const last = new Map((seen.data ?? []).map((s) => [s.deviceId, s.lastBundleAt]));
  return (
    <div>
      <h3 id="devices-title" tabIndex={-1}>
        {t('clinic.devices')}
      </h3>
      <FormAlert id="devices-alert" message={error ?? (devices.error ? say(t, errorMsg(devices.error.info.code)) : null)} />
      <FormStatus message={message} />
      <table aria-labelledby="devices-title" className="table">
        <thead>
          <tr>
            <th scope="col">{t('clinic.device')}</th>
            <th scope="col">{t('clinic.role')}</th>
            <th scope="col">{t('clinic.expires')}</th>
            <th scope="col">{t('clinic.lastBundle')}</th>
            <th scope="col">{t('clinic.state')}</th>
            <th scope="col">{t('clinic.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(devices.data ?? []).map((d) => {
            const name = d.label ?? d.deviceId.slice(0, 8);
            return (
              <tr key={d.deviceId}>
                <th scope="row">
                  {name}
                  {d.self ? ` (${t('clinic.thisDevice')})` : ''}
                </th>
                <td>{t(`exchange.role.${d.role}`)}</td>
                <td>{d.expires ? when(d.expires) : t('clinic.never')}</td>
                <td>{last.has(d.deviceId) ? when(last.get(d.deviceId)!) : t('clinic.noBundle')}</td>
                <td>{d.revokedAt ? t('clinic.revokedAt', { when: when(d.revokedAt) }) : t('clinic.active')}</td>
                <td>
                  {d.self || d.revokedAt ? null : confirming === d.deviceId ? (
                    <span role="group" aria-label={t('clinic.confirmRevoke', { device: name })}>
                      {t('clinic.confirmRevoke', { device: name })}{' '}
                      <button type="button" className="btn btn-danger" onClick={() => void revoke(d.deviceId)}>
                        {t('clinic.revokeYes')}
                      </button>{' '}
                      <button id={`revoke-no-${d.deviceId}`} type="button" className="btn" onClick={() => ask(null, d.deviceId)}>
                        {t('clinic.revokeNo')}
                      </button>
                    </span>
                  ) : (
                    <button
                      id={`revoke-${d.deviceId}`}
                      type="button"
                      className="btn"
                      onClick={() => ask(d.deviceId)}
                      aria-label={t('clinic.revokeDevice', { device: name })}
                    >
                      {t('clinic.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
