/**
 * A message kept as its catalogue id and parameters, not as text, so that a
 * notice or error already on screen re-renders in the new language when the
 * person switches. A parameter may itself be a message (a role's name, say),
 * translated at the same time.
 */
import { errorKey, type MessageKey, type ParamsArg, type Translate } from '../../shared/i18n';

export interface Message {
  key: MessageKey;
  params?: Record<string, string | number | Message>;
}

/** A message whose parameters are checked against its English text, as `t` checks them. */
export function msg<K extends MessageKey>(key: K, ...[params]: ParamsArg<K>): Message {
  return params ? { key, params: params as Message['params'] } : { key };
}

/** Like msg, but a parameter may be a message of its own (translated when shown). */
export function msgWith(key: MessageKey, params: Record<string, string | number | Message>): Message {
  return { key, params };
}

/** The message for a core error code. */
export const errorMsg = (code: string): Message => ({ key: errorKey(code) });

function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'key' in v;
}

/** The text of one message, or of several shown together (joined by a space), in the current language. */
export function say(t: Translate, m: Message | readonly Message[] | null): string | null {
  if (m === null) return null;
  if (Array.isArray(m)) return m.map((x: Message) => say(t, x)).join(' ');
  const one = m as Message;
  const params = one.params
    ? Object.fromEntries(Object.entries(one.params).map(([k, v]) => [k, isMessage(v) ? (say(t, v) ?? '') : v]))
    : undefined;
  // The key is only known at run time here, so `t` takes any parameters (msg checked them when it was made).
  return t(one.key, params);
}

/** What a panel keeps in state for its alert or status line. */
export type Said = Message | readonly Message[] | null;
