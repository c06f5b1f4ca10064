/**
 * What the quick and the full intake share: autosave as a draft, the live
 * duplicate check with the user's decisions, and the save itself. The core
 * decides whether a likely duplicate still needs a choice (it refuses with
 * DUPLICATE_UNDECIDED); this hook only shows the choice and saves again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { call } from '../../api';
import { CASE_READS, invalidateCore } from '../../query';
import type { PersonView } from '../../../../shared/views';
import { useDraftAutosave } from './useDraftAutosave';
import { useDuplicateCheck, type Decision, type Decisions } from './duplicates';
import type { IntakeMode, NameProbe } from './model';
import { focusWhenReady } from './focus';

export interface DraftData<V> {
  v: 1;
  mode: IntakeMode;
  values: V;
  decisions: Decisions;
}

export interface IntakeStart<V> {
  values: V;
  draftId: string | null;
  savedAt: string | null;
  decisions: Decisions;
}

export function useIntakeSave<V extends FieldValues>(opts: {
  form: UseFormReturn<V, unknown, unknown>;
  mode: IntakeMode;
  start: IntakeStart<V>;
  probe: NameProbe | null;
  isBlank(values: V): boolean;
  onSaved(person: PersonView): void;
}) {
  const { form, mode, start, probe, onSaved } = opts;
  const [decisions, setDecisions] = useState<Decisions>(start.decisions);
  const decisionsRef = useRef(decisions);
  const [blocked, setBlocked] = useState(false);
  /** The core refused "same person" without a merge: the panel asks for the merge (or another decision). */
  const [mergeNeeded, setMergeNeeded] = useState(false);
  /** A merge confirmed in the panel, sent with the next save only. */
  const mergeRef = useRef<MergeChoice | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const isBlankRef = useRef(opts.isBlank);
  useEffect(() => {
    isBlankRef.current = opts.isBlank;
  });

  const autosave = useDraftAutosave<V>({
    form: form as unknown as UseFormReturn<V>,
    kind: mode,
    serialize: (values) =>
      isBlankRef.current(values) ? null : ({ v: 1, mode, values, decisions: decisionsRef.current } satisfies DraftData<V>),
    initial: { draftId: start.draftId, savedAt: start.savedAt },
  });

  const { markDirty } = autosave;
  const dup = useDuplicateCheck(probe);

  const decide = useCallback(
    (id: string, d: Decision) => {
      const next = { ...decisionsRef.current, [id]: d };
      decisionsRef.current = next;
      setDecisions(next);
      // A decision is worth keeping too: the next autosave carries it.
      markDirty();
    },
    [markDirty],
  );

  /** Saves the intake; `op` is intake.createQuick or intake.createFull. */
  const save = useCallback(
    async (intake: unknown): Promise<void> => {
      if (busy.current) return; // Enter and Ctrl+Enter together, or a double press
      busy.current = true;
      setServerError(null);
      setBlocked(false);
      setMergeNeeded(false);
      setSaving(true);
      const merge = mergeRef.current;
      mergeRef.current = null;
      try {
        // Refresh the panel with what is typed now, so the decisions sent are about the people shown.
        const found = await dup.checkNow();
        const shown = new Set(found.map((c) => c.id));
        const decisions = Object.entries(decisionsRef.current)
          .filter(([id]) => shown.has(id))
          .map(([otherId, decision]) => ({ otherId, decision }));
        await autosave.pause();
        const draftId = autosave.currentId() ?? undefined;
        const input = { intake, decisions, ...(draftId ? { draftId } : {}), ...(merge ? { merge } : {}) };
        const res = mode === 'quick' ? await call('intake.createQuick', input as never) : await call('intake.createFull', input as never);
        if (res.ok) {
          autosave.restart(null);
          // A new person (or one merged into): every list, count and search that shows people; its draft is gone.
          void invalidateCore([...CASE_READS, 'drafts']);
          onSaved(res.value);
          return;
        }
        autosave.resume();
        if (res.error.code !== 'DUPLICATE_UNDECIDED') {
          setServerError(res.error.code);
          return;
        }
        // Someone may have saved a match between our check and the save: show them too.
        const ids = undecidedIds(res.error.details);
        const now = ids.some((id) => !shown.has(id)) ? await dup.checkNow() : found;
        if (!now.some((c) => ids.includes(c.id))) {
          // The panel cannot show the match (the check failed): say it in words instead.
          setServerError(res.error.code);
          return;
        }
        setBlocked(true);
        if ((res.error.details as { mergeRequired?: unknown } | undefined)?.mergeRequired === true) {
          setMergeNeeded(true);
          focusWhenReady(() => document.querySelector<HTMLButtonElement>('.dup-card .dup-merge'));
          return;
        }
        focusWhenReady(() => document.querySelector<HTMLInputElement>('.dup-card--needs input[type="radio"]'));
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [autosave, dup, mode, onSaved],
  );

  /** The next save merges with `choice.otherId` (the user confirmed which record stays). */
  const requestMerge = useCallback((choice: MergeChoice) => {
    mergeRef.current = choice;
  }, []);

  return { autosave, dup, decisions, decide, blocked, mergeNeeded, serverError, saving, save, requestMerge };
}

export interface MergeChoice {
  otherId: string;
  keep: 'existing' | 'new';
}

/** The candidate ids a DUPLICATE_UNDECIDED refusal names. */
function undecidedIds(details: unknown): string[] {
  const ids = (details as { candidates?: unknown } | undefined)?.candidates;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}
