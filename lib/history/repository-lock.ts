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

/** Work owed to the repository once a step has answered, by repository. */
const upkeep = new Map<string, Array<() => Promise<unknown>>>();

/**
 * Work to do still holding the lock after the current step has answered its caller (bringing
 * git's index in step with a commit): the caller does not wait for it, the next holder does.
 */
export function afterStep(repo: ContentRepository, job: () => Promise<unknown>): void {
  upkeep.set(repo.gitDir, [...(upkeep.get(repo.gitDir) ?? []), job]);
}

async function runUpkeep(repo: ContentRepository): Promise<void> {
  for (let jobs = upkeep.get(repo.gitDir); jobs?.length; jobs = upkeep.get(repo.gitDir)) {
    upkeep.delete(repo.gitDir);
    for (const job of jobs) {
      await job().catch((error: unknown) =>
        console.error(`[lịch sử] ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}

/** Runs `step` holding the repository's write lock. */
export function withRepositoryLock<T>(repo: ContentRepository, step: () => Promise<T>): Promise<T> {
  const lock = path.join(repo.gitDir, LOCK_FILE);
  return new Promise<T>((answer, fail) => {
    const run = async () => {
      try {
        mkdirSync(repo.gitDir, { recursive: true });
        await acquire(lock);
      } catch (error) {
        fail(error);
        return;
      }
      try {
        await runUpkeep(repo);
        await Promise.resolve().then(step).then(answer, fail);
        await runUpkeep(repo);
      } finally {
        rmSync(lock, { force: true });
      }
    };
    queue = queue.then(run).catch(() => undefined);
  });
}

/** Resolves once every step and its upkeep queued so far in this process is done. */
export function repositoryIdle(repo: ContentRepository): Promise<void> {
  return withRepositoryLock(repo, async () => undefined);
}
