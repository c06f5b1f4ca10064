/**
 * Declared federal closures: days the President closed the executive
 * departments by executive order (Christmas Eve, national days of mourning).
 * They are not legal public holidays under 5 U.S.C. 6103(a), so most rules
 * only flag them; the federal courts of appeals count them as legal holidays
 * (Fed. R. App. P. 26(a)(6)(B): "any day declared a holiday by the
 * President"), so rules counted under FRAP roll over them.
 *
 * The dataset ships in resources/closures/ and can be replaced by an imported
 * file (a new closure is declared a few days ahead, faster than any release),
 * so an imported file is checked (closures-schema.ts) and a bad one is
 * refused with the entry and field that are wrong.
 */
import type { Localized } from './rules';

/**
 * The dataset's shape, written out as types so the deadline engine (and the
 * CLI's `deadline` command, which starts on every call) never loads zod; the
 * schema that checks an imported file is in closures-schema.ts and is tied to
 * these types there.
 */
export interface DeclaredClosure {
  date: string;
  name: Localized;
  /** The executive order, with its Federal Register page when known. */
  citation: string;
  /** The citation could not be confirmed against the Federal Register. */
  verify: boolean;
  notes?: Localized | undefined;
}

export interface ClosuresDataset {
  format: 'amparo-closures';
  version: 1;
  asOf: string;
  source: Localized;
  closures: DeclaredClosure[];
}

/** Closures in date order, as every reader expects them. */
export function sortedClosures(dataset: ClosuresDataset): ClosuresDataset {
  return { ...dataset, closures: [...dataset.closures].sort((a, b) => (a.date < b.date ? -1 : 1)) };
}

/** How a declared closure is described in a trail. */
export function describeClosure(c: DeclaredClosure): Localized {
  return {
    en: `${c.name.en}, a federal closure declared by executive order (${c.citation}${c.verify ? '; citation not confirmed' : ''})`,
    es: `${c.name.es}, un cierre federal declarado por orden ejecutiva (${c.citation}${c.verify ? '; cita sin confirmar' : ''})`,
  };
}

/** What an import would change: closures added and removed, by date. */
export interface ClosuresImportPreview {
  asOf: string;
  currentAsOf: string;
  closures: number;
  added: DeclaredClosure[];
  removed: DeclaredClosure[];
}

export interface ClosuresStatusView {
  asOf: string;
  source: 'shipped' | 'imported';
  sourceNote: Localized;
  importedAt: string | null;
  importedBy: string | null;
  closures: DeclaredClosure[];
}

export interface ClosuresImportResult {
  asOf: string;
  /** Deadline rows rewritten because a closure they land on or roll over changed. */
  recomputed: number;
}

/** Added and removed closures between two datasets (a changed name or citation counts as both). */
export function diffClosures(before: ClosuresDataset, after: ClosuresDataset): { added: DeclaredClosure[]; removed: DeclaredClosure[] } {
  const key = (c: DeclaredClosure) => JSON.stringify([c.date, c.name, c.citation, c.verify]);
  const old = new Set(before.closures.map(key));
  const neu = new Set(after.closures.map(key));
  return { added: after.closures.filter((c) => !old.has(key(c))), removed: before.closures.filter((c) => !neu.has(key(c))) };
}
