/**
 * Form limits the CLI needs before anything else loads (`fields --blank`
 * starts without the contract and its schemas); the contract re-exports them.
 */

/** Largest blank PDF accepted for import (official blanks are well under 5 MB). */
export const MAX_BLANK_BYTES = 50 * 1024 * 1024;

/** The official forms Amparo ships field maps for. */
export const SHIPPED_FORMS = ['g-28', 'i-589', 'i-765', 'ar-11'] as const;
