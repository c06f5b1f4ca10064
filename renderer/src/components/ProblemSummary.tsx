/**
 * The one error summary over a form after a failed save (intake, person and
 * case edits, deadlines, events): role="alert", so it is announced as it
 * appears; one line per problem, each a button that moves focus to its
 * field. The element stays in the page while empty, so the alert region is
 * already there when problems arrive.
 */
export interface Problem {
  /** The id of the control to focus. */
  id: string;
  label: string;
  message: string;
}

export function ProblemSummary({ id, title, problems }: { id: string; title: string; problems: readonly Problem[] }) {
  return (
    <div id={id} role="alert" className={problems.length ? 'error-summary' : 'error-summary error-summary--empty'}>
      {problems.length ? (
        <>
          <p className="error-summary-title">{title}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <button type="button" className="btn-link" onClick={() => document.getElementById(p.id)?.focus()}>
                  {p.label}: {p.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
