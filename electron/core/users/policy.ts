/**
 * The role table lives in shared/policy.ts (pure), so the renderer hides
 * exactly what the core refuses; the core enforces it (access.ts, in dispatch).
 */
export * from '../../../shared/policy';
