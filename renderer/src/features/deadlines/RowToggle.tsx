/**
 * A deadline's label as its row's button: it opens the trail below the row.
 * Shared by the docket and a person's deadlines, whose rows move focus with
 * Up/Down through `data-row-button` (see rowFocus.ts).
 */
export function RowToggle({
  id,
  label,
  open,
  detailId,
  onToggle,
}: {
  id: string;
  label: string;
  open: boolean;
  detailId: string;
  onToggle(): void;
}) {
  return (
    <th scope="row">
      <button
        id={`row-${id}`}
        type="button"
        className="row-button"
        data-row-button=""
        aria-expanded={open}
        aria-controls={open ? detailId : undefined}
        onClick={onToggle}
      >
        {label}
      </button>
    </th>
  );
}
