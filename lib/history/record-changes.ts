import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { authorEnvironment } from "./authors";
import { type ChangeAuthor, type ContentRepository, git } from "./git";
import { recordCommit } from "./versions";

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

/** Git's name for a file's content: the SHA-1 of "blob <size>\0" and the bytes. */
function blobId(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

interface Compared {
  head: string | null;
  changes: FileChange[];
  /** Each changed file's content id now; null where it is gone. */
  blobs: Map<string, string | null>;
}

/**
 * The named files against the last commit, without touching git's index: the commit's ids of
 * them, asked in one `git cat-file --batch-check` (names on standard input), against the ids of
 * the files as they are. A pass that changed nothing costs one small git call.
 */
async function compareWithHead(repo: ContentRepository, folder: string, files: string[]): Promise<Compared> {
  if (files.some((file) => /[\n\r]/.test(file))) throw new Error("Tên tệp có ký tự xuống dòng");
  const lines = (
    await git(repo, ["cat-file", "--batch-check"], {
      input: ["HEAD", ...files.map((file) => `HEAD:${file}`)].join("\n") + "\n",
    })
  ).split("\n");
  const [headLine = "", ...fileLines] = lines;
  const head = headLine.endsWith(" missing") ? null : (headLine.split(" ")[0] ?? null);
  const changes: FileChange[] = [];
  const blobs = new Map<string, string | null>();
  files.forEach((file, index) => {
    const line = fileLines[index] ?? "";
    const before = line.endsWith(" missing") || !line ? null : (line.split(" ")[0] ?? null);
    let now: string | null = null;
    try {
      now = blobId(readFileSync(path.join(folder, file)));
    } catch {
      // Gone from the folder.
    }
    if (before === now) return;
    changes.push({ file, kind: before === null ? "thêm" : now === null ? "xóa" : "sửa" });
    blobs.set(file, now);
  });
  return { head, changes, blobs };
}

/** Every file's changes at once (`git add --all`): the first commit, or after a failed pass. */
async function compareEverything(repo: ContentRepository): Promise<Compared> {
  await git(repo, ["add", "--all"]);
  const head = await currentHead(repo);
  const compared = head ?? (await git(repo, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  const output = await git(repo, ["diff-index", "--cached", "--name-status", "--no-renames", compared]);
  return { head, changes: parseNameStatus(output), blobs: new Map() };
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
  const { head, changes, blobs } =
    files === "all"
      ? await compareEverything(repo)
      : await compareWithHead(repo, repo.workTree, [...new Set(files)]);
  if (changes.length === 0) return null;
  if (files !== "all") {
    for (const names of chunks(
      changes.map((change) => change.file),
      NAMES_PER_CALL,
    ))
      await git(repo, ["update-index", "--add", "--remove", "--", ...names]);
  }
  const tree = (await git(repo, ["write-tree"])).trim();
  const message = [
    request.message(changes),
    ...(request.trailers?.length ? ["", ...request.trailers] : []),
  ].join("\n");
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const env = authorEnvironment(request.author, now);
  const commit = (
    await git(repo, ["commit-tree", tree, ...(head ? ["-p", head] : []), "-F", "-"], { input: message, env })
  ).trim();
  // Compare-and-swap: a head moved meanwhile (a push, another machine) fails this, never lost.
  await git(repo, ["update-ref", "-m", "ghi thay đổi", "HEAD", commit, head ?? ""]);
  if (files !== "all") {
    const [subject = "", ...rest] = message.split("\n");
    recordCommit(repo, head, {
      commit,
      authorName: request.author.name,
      authorEmail: request.author.email,
      at: now,
      subject,
      body: rest.join("\n").trim(),
      files: changes.map(({ file }) => ({ file, blob: blobs.get(file) ?? null })),
    });
  }
  // In the background (git detaches it), and only when enough loose objects have gathered.
  void git(repo, ["gc", "--auto", "--quiet"]).catch(() => undefined);
  return { commit, changes };
}
