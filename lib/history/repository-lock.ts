import { closeSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentRepository } from "./git";

// One change is recorded at a time: several server instances share a content folder, and a save
// is written and committed as one step, so that a pass of the watcher never commits a file
// between an editor's write and the editor's commit (which would credit the change to the
// folder). Within a process a queue; between processes a lock file beside git's own.

const LOCK_FILE = "tin-xu-nghe-ghi.lock";
const RETRY_MS = 15;
const WAIT_MS = 15_000;
/** A lock older than this was left by a process that died holding it. */
const STALE_MS = 60_000;

let queue: Promise<unknown> = Promise.resolve();

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
    } catch {
      // Released meanwhile.
    }
    if (Date.now() > deadline) throw new Error(`Kho lịch sử đang bận quá ${WAIT_MS / 1000} s (${lock})`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Runs `step` holding the repository's write lock. */
export function withRepositoryLock<T>(repo: ContentRepository, step: () => Promise<T>): Promise<T> {
  const lock = path.join(repo.gitDir, LOCK_FILE);
  const run = async () => {
    mkdirSync(repo.gitDir, { recursive: true });
    await acquire(lock);
    try {
      return await step();
    } finally {
      rmSync(lock, { force: true });
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
