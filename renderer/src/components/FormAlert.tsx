/**
 * A form-level alert. The live region is always in the DOM so that screen
 * readers announce the message the moment it appears.
 */
export function FormAlert({ id, message }: { id: string; message: string | null | undefined }) {
  return (
    <div id={id} role="alert" className={message ? 'form-alert' : 'form-alert form-alert--empty'}>
      {message ?? ''}
    </div>
  );
}

/** A polite confirmation ("Passphrase changed."). */
export function FormStatus({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" className={message ? 'form-status' : 'form-status form-status--empty'}>
      {message ?? ''}
    </div>
  );
}
