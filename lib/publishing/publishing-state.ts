import { perProcess } from "../process-singleton.mjs";

// Whether this process's publishing watcher has changes it has not read yet, shared through the
// process (the watcher starts from instrumentation, pages run from other bundles). The editors'
// list waits for it, briefly, so that a report just saved is in the list the save leads to.

interface PublishingState {
  busy: boolean;
  waiting: Array<() => void>;
}

const state = () => perProcess<PublishingState>("publishing-state", () => ({ busy: false, waiting: [] }));

/** The watcher has seen a change, or is reading one. */
export function publishingBusy(): void {
  state().busy = true;
}

/** The watcher has read every change it saw. */
export function publishingIdle(): void {
  const current = state();
  current.busy = false;
  for (const resolve of current.waiting.splice(0)) resolve();
}

/** Resolves once the watcher is idle, or after `timeoutMs` whatever it is doing (a long first read). */
export function publishingSettled(timeoutMs: number): Promise<void> {
  const current = state();
  if (!current.busy) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    current.waiting.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
