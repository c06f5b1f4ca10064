/** A submit button that disables itself and says what is happening while busy. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  className = 'btn btn-primary',
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  className?: string;
}) {
  return (
    <>
      <button type="submit" className={className} disabled={busy} aria-disabled={busy || undefined}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? busyLabel : label}
      </button>
      <span className="visually-hidden" role="status">
        {busy ? busyLabel : ''}
      </span>
    </>
  );
}
