import { fileURLToPath } from 'node:url';

/**
 * `resources/` of the source tree; a packaged app passes its own resources
 * folder. Apart from resources.ts so the CLI's `fields` finds it without
 * loading the map schema (zod).
 */
export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../../resources/', import.meta.url));
}
