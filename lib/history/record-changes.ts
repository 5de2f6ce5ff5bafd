import { readFileSync } from "node:fs";
import path from "node:path";
import { authorEnvironment } from "./authors";
import { type ChangeAuthor, type ContentRepository, git, gitBytes } from "./git";
import { objectId, writeLooseObject } from "./loose-objects";
import { packLooseObjects } from "./pack-loose-objects";
import { afterStep } from "./repository-lock";
import { type TopLevelTree, editTree, fileIdIn, isTopLevelFileName, readTree } from "./top-level-tree";
import { recordCommit } from "./versions";

// A change becomes a commit of the files it touched, as they are in the folder. `git commit`
// would look at every file of the folder, and even `git write-tree` from an index of 100,000
// files costs 0.6 s: a save's commit instead writes its files' blobs, splices them into the last
// commit's top-level tree (kept in memory between saves), and writes that tree, the commit and
// the branch. Git's index is brought in step after the save has answered, still under the lock.

export type FileChange = { file: string; kind: "thêm" | "sửa" | "xóa" };

/** At most this many names per git command, well within any system's argument limit. */
const NAMES_PER_CALL = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** `git diff-index --raw` lines (":100644 100644 <old> <new> M\tfile") as changes and new ids. */
export function parseRawDiff(output: string): {
  changes: FileChange[];
  /** Each changed file's content id now; null where it is gone. */
  blobs: Map<string, string | null>;
} {
  const changes: FileChange[] = [];
  const blobs = new Map<string, string | null>();
  for (const line of output.split("\n").filter(Boolean)) {
    const [fields = "", ...name] = line.split("\t");
    const [, , , after = "", status = ""] = fields.split(" ");
    const file = name.join("\t");
    const kind = status.startsWith("A") ? "thêm" : status.startsWith("D") ? "xóa" : "sửa";
    changes.push({ file, kind });
    blobs.set(file, kind === "xóa" ? null : after);
  }
  return { changes, blobs };
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
 * The last commit's top-level tree, by repository: one tree (5.5 MB at 100,000 reports, 28 MB at
 * 500,000), replaced as commits are made; a tree this process wrote is read after its save has
 * answered. Kept while saves come, and let go TREE_KEPT_MS after the last: a server answering
 * readers between editors' bursts of saves does not hold it. The first save after that reads it
 * from git again (0.13-0.29 s at 500,000 reports).
 */
const lastTrees = new Map<string, { id: string; tree: TopLevelTree | Buffer[] }>();
export const TREE_KEPT_MS = 10 * 60_000;
const letGo = new Map<string, NodeJS.Timeout>();

function keepTree(repo: ContentRepository, kept: { id: string; tree: TopLevelTree | Buffer[] }): void {
  lastTrees.set(repo.gitDir, kept);
  clearTimeout(letGo.get(repo.gitDir));
  const timer = setTimeout(() => {
    lastTrees.delete(repo.gitDir);
    letGo.delete(repo.gitDir);
  }, TREE_KEPT_MS);
  // Never what keeps a process alive.
  timer.unref();
  letGo.set(repo.gitDir, timer);
}

/** Whether this process holds a repository's last tree (tests). */
export const holdsLastTree = (repo: ContentRepository) => lastTrees.has(repo.gitDir);

/** The last commit and its tree's id, read from the commit (asking git for `HEAD^{tree}` reads the tree). */
async function headAndTree(repo: ContentRepository): Promise<{ head: string; tree: string } | null> {
  const [header = "", treeLine = ""] = (
    await git(repo, ["cat-file", "--batch"], { input: "HEAD^{commit}\n" })
  ).split("\n");
  const [head = "", type = ""] = header.split(" ");
  const tree = /^tree ([0-9a-f]{40,64})$/.exec(treeLine)?.[1];
  return type === "commit" && tree ? { head, tree } : null;
}

async function topLevelTree(repo: ContentRepository, id: string): Promise<TopLevelTree> {
  const known = lastTrees.get(repo.gitDir);
  if (known?.id === id) {
    if (Array.isArray(known.tree)) known.tree = readTree(Buffer.concat(known.tree));
    return known.tree;
  }
  const tree = readTree(await gitBytes(repo, ["cat-file", "tree", id]));
  keepTree(repo, { id, tree });
  return tree;
}

/**
 * Reads the last commit's top-level tree ahead of a save, which would otherwise wait for it (0.1 s
 * at 100,000 reports): `npm run bench:history` times saves as they come in a burst. Call it
 * holding the repository's lock.
 */
export async function readLastTree(repo: ContentRepository): Promise<void> {
  const tip = await headAndTree(repo);
  if (tip) await topLevelTree(repo, tip.tree);
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** The index's lines for files as a commit holds them (mode 0 removes one). */
function indexLines(blobs: Map<string, string | null>): string {
  return [...blobs]
    .map(([file, id]) => (id === null ? `0 ${"0".repeat(40)}\t${file}` : `100644 ${id}\t${file}`))
    .join("\n");
}

/**
 * The named files committed against the last commit's tree, without git's index: their ids as
 * they are in the folder (hashed here: byte for byte, no filters) against the tree's. "use the
 * index" where this way does not apply (no commit yet, a name inside a subfolder).
 */
async function commitNamedFiles(
  repo: ContentRepository,
  request: CommitRequest,
  files: string[],
): Promise<RecordedCommit | null | "use the index"> {
  const tip = await headAndTree(repo);
  if (!tip) return "use the index";
  const tree = await topLevelTree(repo, tip.tree);
  if (!files.every((file) => isTopLevelFileName(tree, file))) return "use the index";
  const changes: FileChange[] = [];
  const blobs = new Map<string, string | null>();
  for (const file of files) {
    const bytes = readOrNull(path.join(repo.workTree, file));
    const before = fileIdIn(tree, file);
    const now = bytes ? objectId("blob", bytes) : null;
    if (before === now) continue;
    changes.push({ file, kind: before === null ? "thêm" : now === null ? "xóa" : "sửa" });
    blobs.set(file, bytes ? writeLooseObject(repo, "blob", bytes, { compress: true }) : null);
  }
  if (changes.length === 0) return null;
  const treePieces = editTree(
    tree,
    [...blobs].map(([name, id]) => ({ name, id })),
  );
  const treeId = writeLooseObject(repo, "tree", treePieces, { compress: false });
  const commit = await writeCommit(repo, request, changes, treeId, tip.head, blobs);
  keepTree(repo, { id: treeId, tree: treePieces });
  afterStep(repo, async () => {
    const known = lastTrees.get(repo.gitDir);
    if (known?.id === treeId && Array.isArray(known.tree)) known.tree = readTree(Buffer.concat(known.tree));
    await git(repo, ["update-index", "--index-info"], { input: `${indexLines(blobs)}\n` });
  });
  return { commit, changes };
}

/**
 * The index's way: the named files (or, with "all", every file) staged, compared with the last
 * commit, the tree written from the index. For the first commit, a name inside a subfolder, and
 * the pass that looks at the whole folder.
 */
async function commitThroughIndex(
  repo: ContentRepository,
  request: CommitRequest,
): Promise<RecordedCommit | null> {
  const { files } = request;
  if (files === "all") await git(repo, ["add", "--all"]);
  else {
    for (const names of chunks(files, NAMES_PER_CALL)) {
      await git(repo, ["update-index", "--add", "--remove", "--", ...names]);
    }
  }
  const head = await currentHead(repo);
  const compared = head ?? (await git(repo, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  const { changes, blobs } = parseRawDiff(
    await git(repo, ["diff-index", "--cached", "--raw", "--no-renames", "--no-abbrev", compared]),
  );
  if (changes.length === 0) return null;
  const tree = (await git(repo, ["write-tree"])).trim();
  const commit = await writeCommit(repo, request, changes, tree, head, files === "all" ? null : blobs);
  return { commit, changes };
}

/** The commit of a tree, the branch moved to it, and the index of versions told. */
async function writeCommit(
  repo: ContentRepository,
  request: CommitRequest,
  changes: FileChange[],
  tree: string,
  head: string | null,
  /** Each file's new id, for the index of versions; null: it catches up by itself. */
  blobs: Map<string, string | null> | null,
): Promise<string> {
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
  if (blobs) {
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
  // The saves' loose objects packed once enough have gathered; and git's own gc, which merges the
  // packs once there are many (it detaches itself). Both in the background at the lowest priority:
  // at 500,000 reports the packing takes seconds of the cores that publish the next save.
  afterStep(repo, async () => {
    await packLooseObjects(repo);
    await git(repo, ["gc", "--auto", "--quiet"], { lowPriority: true });
  });
  return commit;
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
  if (files === "all") return commitThroughIndex(repo, request);
  if (files.length === 0) return null;
  if (files.some((file) => /[\n\r]/.test(file))) throw new Error("Tên tệp có ký tự xuống dòng");
  const unique = [...new Set(files)];
  const named = await commitNamedFiles(repo, { ...request, files: unique }, unique);
  return named === "use the index" ? commitThroughIndex(repo, { ...request, files: unique }) : named;
}
