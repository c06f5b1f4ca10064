/** Types for scripts/bundles.mjs, so TypeScript callers (harness, tests) can import it. */
import type { Plugin } from 'esbuild';

export type BundleName = 'main' | 'preload' | 'host' | 'cli';

export interface BundleSpec {
  entry?: string;
  virtualEntry?: string;
  dir: string;
  file: string;
  runtime: 'node' | 'preload' | 'node-esm-split';
  target?: string;
  external: string[];
}

export interface BundleOptions {
  /** Replaces each bundle's default folder (tests build elsewhere). */
  outDir?: string;
  logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent';
}

export const ROOT: string;
export const NODE_EXTERNALS: string[];
export const MAIN_EXTERNALS: string[];
export const BUNDLES: Record<BundleName, BundleSpec>;
export const BUNDLE_NAMES: BundleName[];
export function sourceMetaPlugin(o: { root: string; outDir: string }): Plugin;
/** Absolute path of a bundle's entry file (dist/cli/amparo.mjs, dist/electron/host.cjs, …). */
export function bundlePath(name: BundleName, o?: { outDir?: string }): string;
/** Why the bundle must be rebuilt, or null when it matches every input it was built from. Only stats files. */
export function staleReason(name: BundleName, o?: { outDir?: string }): string | null;
/** Always builds. Resolves to name -> entry output path. */
export function buildBundles(names?: BundleName[], o?: BundleOptions): Promise<Partial<Record<BundleName, string>>>;
/** Rebuilds the stale ones among `names` (default: all) before resolving. */
export function ensureBundles(
  names?: BundleName[],
  o?: BundleOptions & { force?: boolean },
): Promise<{ built: BundleName[]; fresh: BundleName[] }>;
