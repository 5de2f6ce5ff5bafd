import { authorEnvironment } from "./authors";
import { type ChangeAuthor, type ContentRepository, git } from "./git";

// A change becomes a commit of the files it touched, as they are in the folder. Only the named
// files are staged and only the tree is written, so the cost does not grow with the archive:
// `git commit` would look at every file of the folder first.

export type FileChange = { file: string; kind: "thêm" | "sửa" | "xóa" };

/** At most this many names per git command, well within any system's argument limit. */
const NAMES_PER_CALL = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const KINDS: Record<string, FileChange["kind"]> = { A: "thêm", M: "sửa", D: "xóa", T: "sửa" };

/** "M\tfile" lines of `git diff-index --name-status` as changes. */
export function parseNameStatus(output: string): FileChange[] {
  return output
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [status = "", ...name] = line.split("\t");
      return { file: name.join("\t"), kind: KINDS[status.charAt(0)] ?? "sửa" };
    });
}

/** A commit message for changes found in the folder: what happened to which files. */
export function folderMessage(changes: FileChange[]): string {
  const shown = changes.slice(0, 5).map(({ file, kind }) => `${kind} ${file}`);
  const more = changes.length > shown.length ? ` và ${changes.length - shown.length} tệp khác` : "";
  return `Lưu từ thư mục: ${shown.join(", ")}${more}`;
}

export interface CommitRequest {
  /** Files by name in the folder, or every file. */
  files: string[] | "all";
  author: ChangeAuthor;
  /** The message, from what changed. */
  message: (changes: FileChange[]) => string;
  /** Extra lines of the message (a correction's note, say). */
  trailers?: string[];
}

export interface RecordedCommit {
  commit: string;
  changes: FileChange[];
}

async function currentHead(repo: ContentRepository): Promise<string | null> {
  const head = await git(repo, ["rev-parse", "--quiet", "--verify", "HEAD^{commit}"]).catch(() => "");
  return head.trim() || null;
}

/**
 * Commits the named files as they are now, if they differ from the last commit. Call it holding
 * the repository's lock (withRepositoryLock); null when nothing differed.
 */
export async function commitFiles(
  repo: ContentRepository,
  request: CommitRequest,
): Promise<RecordedCommit | null> {
  const { files } = request;
  if (files !== "all" && files.length === 0) return null;
  if (files === "all") await git(repo, ["add", "--all"]);
  else
    for (const names of chunks(files, NAMES_PER_CALL))
      await git(repo, ["update-index", "--add", "--remove", "--", ...names]);
  const head = await currentHead(repo);
  const compared = head ?? (await git(repo, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  const changes: FileChange[] = [];
  for (const names of files === "all" ? [[]] : chunks(files, NAMES_PER_CALL)) {
    const args = ["diff-index", "--cached", "--name-status", "--no-renames", compared];
    const output = await git(repo, names.length > 0 ? [...args, "--", ...names] : args);
    changes.push(...parseNameStatus(output));
  }
  if (changes.length === 0) return null;
  const tree = (await git(repo, ["write-tree"])).trim();
  const message = [
    request.message(changes),
    ...(request.trailers?.length ? ["", ...request.trailers] : []),
  ].join("\n");
  const env = authorEnvironment(request.author);
  const commit = (
    await git(repo, ["commit-tree", tree, ...(head ? ["-p", head] : []), "-F", "-"], { input: message, env })
  ).trim();
  // Compare-and-swap: a head moved meanwhile (a push, another machine) fails this, never lost.
  await git(repo, ["update-ref", "-m", "ghi thay đổi", "HEAD", commit, head ?? ""]);
  return { commit, changes };
}
