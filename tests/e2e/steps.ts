/**
 * Steps in one describe block that build on each other (create -> lock ->
 * unlock, one vault): once a step fails, the rest of that block fail at once,
 * naming it, instead of each waiting out its own timeouts on a screen that
 * never comes. Nothing is skipped or hidden (they are reported as failures),
 * and other blocks and spec files still run: the suite has no `bail`.
 */
import { beforeEach } from 'vitest';

export function stepsBuildOnEachOther(): void {
  let failed: string | null = null;
  beforeEach((ctx) => {
    if (failed !== null) throw new Error(`Not run: it builds on the step "${failed}", which failed.`);
    ctx.onTestFailed(() => {
      failed ??= ctx.task.name;
    });
  });
}
