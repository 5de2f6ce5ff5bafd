import path from "node:path";
import Database from "better-sqlite3";
import { type ContentRepository, git, gitBytes } from "./git";

// A report's versions, newest first. Asking git (`git log -- <file>`) compares each commit's tree
// with its parent's, and the content folder is one flat folder: at 100,000 reports each tree is
// 5.5 MB and a history of 200 versions took 31 s. So each commit's changed files are kept in a
// small SQLite index beside the repository, written as the site commits and caught up from git's
// log for commits made elsewhere (a push); a history is then one indexed query.

const NO_BLOB = /^0+$/;
const RECORD = "\u001e";
const FIELD = "\u001f";
const INDEX_FILE = "tin-xu-nghe-phien-ban.sqlite";

export interface CommitInfo {
  commit: string;
  authorName: string;
  authorEmail: string;
  at: Date;
  /** The commit message's first line, and the rest. */
  subject: string;
  body: string;
}

export interface Version extends CommitInfo {
  /** The file's content at this version, by its blob id; null where the version deleted it. */
  blob: string | null;
}

export interface LoggedCommit extends CommitInfo {
  /** Each file the commit changed, with its content id after it (null: deleted). */
  files: Array<{ file: string; blob: string | null }>;
}

export const LOG_FORMAT = `${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%at${FIELD}%s${FIELD}%b${FIELD}`;

/** Parses `git log --raw --no-abbrev --format=LOG_FORMAT` output, in the order git gave it. */
export function parseLog(output: string): LoggedCommit[] {
  return output
    .split(RECORD)
    .filter((record) => record.trim())
    .map((record) => {
      const [
        commit = "",
        authorName = "",
        authorEmail = "",
        seconds = "0",
        subject = "",
        body = "",
        raw = "",
      ] = record.split(FIELD);
      // ":100644 100644 <old> <new> M\tfile": the new blob; zeros when deleted.
      const files = raw
        .split("\n")
        .filter((row) => row.startsWith(":"))
        .map((row) => {
          const [meta = "", ...name] = row.split("\t");
          const blob = meta.split(" ")[3] ?? "";
          return { file: name.join("\t"), blob: blob && !NO_BLOB.test(blob) ? blob : null };
        });
      return {
        commit,
        authorName,
        authorEmail,
        at: new Date(Number(seconds) * 1000),
        subject,
        body: body.trim(),
        files,
      };
    });
}

type VersionRow = {
  commit_id: string;
  author: string;
  email: string;
  at: number;
  subject: string;
  body: string;
  blob: string | null;
};

const toVersion = (row: VersionRow): Version => ({
  commit: row.commit_id,
  authorName: row.author,
  authorEmail: row.email,
  at: new Date(row.at * 1000),
  subject: row.subject,
  body: row.body,
  blob: row.blob,
});

const opened = new Map<string, Database.Database>();

function indexOf(repo: ContentRepository): Database.Database {
  let db = opened.get(repo.gitDir);
  if (!db) {
    db = new Database(path.join(repo.gitDir, INDEX_FILE), { timeout: 10_000 });
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS versions (
        seq INTEGER PRIMARY KEY, file TEXT NOT NULL, commit_id TEXT NOT NULL, blob TEXT,
        author TEXT NOT NULL, email TEXT NOT NULL, at INTEGER NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS versions_by_file ON versions (file, seq);
      CREATE INDEX IF NOT EXISTS versions_deleted ON versions (seq) WHERE blob IS NULL;
      CREATE TABLE IF NOT EXISTS indexed (id INTEGER PRIMARY KEY CHECK (id = 1), head TEXT NOT NULL);`);
    opened.set(repo.gitDir, db);
  }
  return db;
}

/**
 * Adds commits (oldest first) to the index, which then stands at `head`, if it still stands at
 * `from`: another instance may have added them meanwhile.
 */
function addToIndex(db: Database.Database, commits: LoggedCommit[], from: string | null, head: string): void {
  const insert = db.prepare(
    "INSERT INTO versions (file, commit_id, blob, author, email, at, subject, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    if (indexedHead(db) !== from) return;
    for (const commit of commits) {
      for (const { file, blob } of commit.files) {
        insert.run(
          file,
          commit.commit,
          blob,
          commit.authorName,
          commit.authorEmail,
          Math.floor(commit.at.getTime() / 1000),
          commit.subject,
          commit.body,
        );
      }
    }
    db.prepare(
      "INSERT INTO indexed (id, head) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET head = excluded.head",
    ).run(head);
  }).immediate();
}

const indexedHead = (db: Database.Database) =>
  (db.prepare("SELECT head FROM indexed WHERE id = 1").pluck().get() as string | undefined) ?? null;

/**
 * A commit the site just made, whose parent the index stood at: added without asking git. Any
 * other (the index behind) is left to catchUpVersions.
 */
export function recordCommit(repo: ContentRepository, parent: string | null, commit: LoggedCommit): void {
  const db = indexOf(repo);
  if (parent !== null) addToIndex(db, [commit], parent, commit.commit);
}

/** Brings the index up to the repository's head: the commits since it last stood, from git's log. */
export async function catchUpVersions(repo: ContentRepository): Promise<void> {
  const head = (
    await git(repo, ["rev-parse", "--quiet", "--verify", "HEAD^{commit}"]).catch(() => "")
  ).trim();
  if (!head) return;
  const db = indexOf(repo);
  const from = indexedHead(db);
  if (from === head) return;
  const output = await git(repo, [
    "log",
    "--reverse",
    "--raw",
    "--no-abbrev",
    "--no-renames",
    `--format=${LOG_FORMAT}`,
    from ? `${from}..${head}` : head,
    "--",
  ]);
  addToIndex(db, parseLog(output), from, head);
}

/** The newest `limit` versions of `file` (a name in the folder), newest first. */
export async function fileVersions(repo: ContentRepository, file: string, limit = 500): Promise<Version[]> {
  await catchUpVersions(repo);
  const rows = indexOf(repo)
    .prepare(
      "SELECT commit_id, author, email, at, subject, body, blob FROM versions WHERE file = ? ORDER BY seq DESC LIMIT ?",
    )
    .all(file, limit) as VersionRow[];
  return rows.map(toVersion);
}

/**
 * Texts by git's object names (a blob id, or `<commit>:<file>`), in the order asked, read by one
 * `git cat-file --batch`: null for a name that names nothing. Names go in on standard input,
 * never as arguments.
 */
export async function readTexts(repo: ContentRepository, names: string[]): Promise<Array<string | null>> {
  if (names.length === 0) return [];
  if (names.some((name) => /[\n\r]/.test(name))) throw new Error("Tên phiên bản không hợp lệ");
  const output = await gitBytes(repo, ["cat-file", "--batch"], { input: `${names.join("\n")}\n` });
  const texts: Array<string | null> = [];
  let offset = 0;
  while (offset < output.length && texts.length < names.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString("utf8").split(" ");
    const size = Number(header.at(-1));
    if (header.at(-1) === "missing" || header.at(-1) === "ambiguous" || !Number.isFinite(size)) {
      texts.push(null);
      offset = headerEnd + 1;
      continue;
    }
    const start = headerEnd + 1;
    texts.push(header[1] === "blob" ? output.subarray(start, start + size).toString("utf8") : null);
    offset = start + size + 1;
  }
  return texts;
}

/** Files deleted from the folder, newest deletion first (each once), from the newest deletions only. */
export async function deletedFiles(
  repo: ContentRepository,
  limit = 50,
): Promise<Array<{ file: string; commit: string; at: Date; authorName: string }>> {
  await catchUpVersions(repo);
  // The newest deletions through their partial index: a bounded read however many there were.
  const rows = indexOf(repo)
    .prepare("SELECT file, commit_id, at, author FROM versions WHERE blob IS NULL ORDER BY seq DESC LIMIT ?")
    .all(limit * 4) as Array<{ file: string; commit_id: string; at: number; author: string }>;
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.file) && seen.add(row.file))
    .slice(0, limit)
    .map((row) => ({
      file: row.file,
      commit: row.commit_id,
      at: new Date(row.at * 1000),
      authorName: row.author,
    }));
}
