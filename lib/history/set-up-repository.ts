import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FOLDER_AUTHOR, authorEnvironment } from "./authors";
import { type ContentRepository, git } from "./git";
import { withRepositoryLock } from "./repository-lock";
import { adoptOrigin, connectOrigin, sharedOrigin } from "./shared-origin";

// A content folder that is not a repository yet becomes one, with a first commit of what it
// holds. What is never content stays out: the trash (its reports are in the history already),
// the editor's half-written files, the problems list the server writes.
const NEVER_CONTENT = [".thung-rac/", ".*.tmp", "_loi-can-sua.txt"];

/**
 * Makes the content folder a repository if it is not one yet. Safe to call from several
 * processes at once (the first does it); returns whether this call made the first commit.
 */
export function setUpRepository(repo: ContentRepository): Promise<boolean> {
  return withRepositoryLock(repo, () => prepareRepository(repo));
}

/** Repositories this process has seen with a first commit: not asked again on every save. */
const ready = new Set<string>();

/** The same, for a caller already holding the repository's lock. */
export async function prepareRepository(repo: ContentRepository): Promise<boolean> {
  if (ready.has(repo.gitDir)) return false;
  if (!existsSync(path.join(repo.gitDir, "HEAD"))) {
    mkdirSync(repo.gitDir, { recursive: true });
    await git(repo, ["init", "--quiet", "--initial-branch=main"]);
    if (path.dirname(repo.gitDir) !== repo.workTree) {
      await git(repo, ["config", "core.worktree", repo.workTree]);
    }
    // A reporter's `git push` into this repository updates the folder, and so publishes.
    await git(repo, ["config", "receive.denyCurrentBranch", "updateInstead"]);
    // An index that stays quick at a hundred thousand files.
    await git(repo, ["config", "index.version", "4"]);
    await git(repo, ["config", "core.untrackedCache", "true"]);
    // Each commit of a flat folder of 100,000 files writes a 5.5 MB tree. The saves' loose objects
    // are packed as they gather (pack-loose-objects.ts); git's own gc, for what other commands
    // leave loose, at 300 instead of its default 6,700.
    await git(repo, ["config", "gc.auto", "300"]);
    mkdirSync(path.join(repo.gitDir, "info"), { recursive: true });
    writeFileSync(path.join(repo.gitDir, "info", "exclude"), `${NEVER_CONTENT.join("\n")}\n`);
  }
  const origin = sharedOrigin();
  if (origin) await connectOrigin(repo, origin);
  const head = await git(repo, ["rev-parse", "--quiet", "--verify", "HEAD"]).catch(() => "");
  if (head.trim()) {
    ready.add(repo.gitDir);
    return false;
  }
  // A new machine joining: the shared history, not a first commit of its own.
  if (origin && (await adoptOrigin(repo))) {
    ready.add(repo.gitDir);
    return true;
  }
  await git(repo, ["add", "--all"]);
  await git(
    repo,
    ["commit", "--quiet", "--allow-empty", "--no-verify", "-m", "Bắt đầu lưu lịch sử: các tệp có sẵn"],
    {
      env: authorEnvironment(FOLDER_AUTHOR),
    },
  );
  ready.add(repo.gitDir);
  return true;
}
