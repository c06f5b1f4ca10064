/**
 * A typed folder path (backup folder, restore target, exchange folder). The
 * browser build has no native folder picker, so the path is typed: no spell
 * check or autocomplete, which would mangle or remember a path.
 */
export function FolderField(props: { id: string; label: string; hint: string; value: string; onChange: (value: string) => void }) {
  const hintId = `${props.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={hintId}
        spellCheck={false}
        autoComplete="off"
      />
      <p id={hintId} className="hint">
        {props.hint}
      </p>
    </div>
  );
}
