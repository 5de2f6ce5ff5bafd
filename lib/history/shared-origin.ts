import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FOLDER_AUTHOR, authorEnvironment } from "./authors";
import { type ContentRepository, git } from "./git";
import { withRepositoryLock } from "./repository-lock";

// Several machines in step through a shared origin (CONTENT_GIT_REMOTE: a bare repository, Gitea,
// GitLab…). Each machine fetches every few seconds: behind, it fast-forwards its folder (and so
// publishes); ahead, it pushes; both, it merges, a conflict settled for the side merging, the
// other side's text kept in the history (restorable). An origin out of reach changes nothing
// locally: saves publish and are pushed when it returns.

const ORIGIN_BRANCH = "refs/remotes/origin/main";
const CONTACT_FILE = "tin-xu-nghe-lien-lac";
/** How often the running server syncs with the origin. */
export const SYNC_MS = 3000;
const FETCH_TIMEOUT_MS = 8000;
/** A save waits at most this long for an origin that does not answer. */
const BEFORE_CHANGE_TIMEOUT_MS = 2000;
/** An origin silent for longer than this makes `/quan-tri` say the machine may be behind. */
const IN_STEP_MS = 30_000;

/** The shared origin, if set; an address that would read as an option is refused. */
export function sharedOrigin(): string | null {
  const url = process.env.CONTENT_GIT_REMOTE?.trim();
  if (!url) return null;
  if (url.startsWith("-")) throw new Error(`CONTENT_GIT_REMOTE không được bắt đầu bằng “-”: ${url}`);
  return url;
}

/** Points the repository's `origin` at the shared origin. */
export async function connectOrigin(repo: ContentRepository, url: string): Promise<void> {
  await git(repo, ["config", "remote.origin.url", url]);
  await git(repo, ["config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*"]);
}

async function revision(repo: ContentRepository, name: string): Promise<string | null> {
  const found = await git(repo, ["rev-parse", "--quiet", "--verify", `${name}^{commit}`]).catch(() => "");
  return found.trim() || null;
}

async function fetchOrigin(repo: ContentRepository, timeoutMs: number): Promise<boolean> {
  try {
    await git(repo, ["fetch", "--quiet", "--no-tags", "origin"], { timeoutMs });
    writeFileSync(path.join(repo.gitDir, CONTACT_FILE), String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

/**
 * For a repository without a first commit: takes the origin's history when it has one, the
 * folder's files made the origin's (files only here stay, and are committed as the folder's).
 */
export async function adoptOrigin(repo: ContentRepository): Promise<boolean> {
  if (!(await fetchOrigin(repo, FETCH_TIMEOUT_MS)) || !(await revision(repo, ORIGIN_BRANCH))) return false;
  await git(repo, ["reset", "--quiet", "--hard", ORIGIN_BRANCH]);
  return true;
}

export type SyncOutcome = "unreachable" | "same" | "pulled" | "pushed" | "merged" | "push-failed" | "blocked";

async function push(repo: ContentRepository): Promise<SyncOutcome> {
  try {
    await git(repo, ["push", "--quiet", "origin", "HEAD:refs/heads/main"], { timeoutMs: FETCH_TIMEOUT_MS });
    return "pushed";
  } catch {
    return "push-failed";
  }
}

/** One exchange with the origin. Call it holding the repository's lock. */
export async function syncWithOrigin(
  repo: ContentRepository,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<SyncOutcome> {
  if (!(await fetchOrigin(repo, timeoutMs))) return "unreachable";
  const local = await revision(repo, "HEAD");
  const remote = await revision(repo, ORIGIN_BRANCH);
  if (!local) return "same";
  if (!remote) return push(repo);
  if (local === remote) return "same";
  const base = (await git(repo, ["merge-base", local, remote]).catch(() => "")).trim();
  try {
    if (base === local) {
      await git(repo, ["merge", "--quiet", "--ff-only", ORIGIN_BRANCH]);
      return "pulled";
    }
    if (base !== remote) {
      // No common commit at all: two machines started at once, each made its first commit before
      // the origin had one. Their histories are joined once, as any two would be.
      await git(
        repo,
        [
          "merge",
          "--quiet",
          "--no-edit",
          "--allow-unrelated-histories",
          "-X",
          "ours",
          "-m",
          "Gộp thay đổi từ kho chung",
          ORIGIN_BRANCH,
        ],
        { env: authorEnvironment(FOLDER_AUTHOR) },
      );
      const pushed = await push(repo);
      return pushed === "pushed" ? "merged" : pushed;
    }
  } catch {
    // A file changed here and not committed yet, or a conflict git cannot settle: the folder is
    // left as it was, and the next exchange tries again after the watcher's commit.
    await git(repo, ["merge", "--abort"]).catch(() => undefined);
    return "blocked";
  }
  return push(repo);
}

export interface OriginStatus {
  url: string;
  /** The last time the origin answered (from any instance on this machine). */
  lastContact: Date | null;
  /** Commits here the origin does not have yet. */
  unpushed: number;
  /** Nothing left to push, and the origin answered within the last half minute. */
  inStep: boolean;
}

/** What `/quan-tri` says of the origin; null when there is none. */
export async function originStatus(repo: ContentRepository): Promise<OriginStatus | null> {
  const url = sharedOrigin();
  if (!url) return null;
  const contactFile = path.join(repo.gitDir, CONTACT_FILE);
  const stamp = existsSync(contactFile) ? Number(readFileSync(contactFile, "utf8")) : NaN;
  const remote = await revision(repo, ORIGIN_BRANCH);
  const count = await git(repo, ["rev-list", "--count", remote ? `${ORIGIN_BRANCH}..HEAD` : "HEAD"]).catch(
    () => "0",
  );
  const lastContact = Number.isFinite(stamp) ? new Date(stamp) : null;
  const unpushed = Number(count.trim()) || 0;
  const recent = lastContact !== null && Date.now() - lastContact.getTime() < IN_STEP_MS;
  return { url, lastContact, unpushed, inStep: unpushed === 0 && recent };
}

/** Before a save: what the origin has, so a save from an outdated version is refused as a conflict. */
export async function catchUpBeforeChange(repo: ContentRepository): Promise<void> {
  if (sharedOrigin()) await syncWithOrigin(repo, BEFORE_CHANGE_TIMEOUT_MS);
}

/** After a change: pushed soon, never holding up the editor. */
export function pushSoon(repo: ContentRepository): void {
  if (sharedOrigin()) void withRepositoryLock(repo, () => syncWithOrigin(repo)).catch(() => undefined);
}
