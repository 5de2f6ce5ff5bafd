import { type ContentRepository, git, gitBytes } from "./git";

// A report's versions, newest first, as git's log of its file gives them: each commit that
// changed the file, with the content it left (none where it deleted the file).

const NO_BLOB = /^0+$/;
const RECORD = "\u001e";
const FIELD = "\u001f";

export interface Version {
  commit: string;
  authorName: string;
  authorEmail: string;
  at: Date;
  /** The commit message's first line, and the rest. */
  subject: string;
  body: string;
  /** The file's content at this version, by its blob id; null where the version deleted it. */
  blob: string | null;
}

/** Parses `git log --raw` output made with versionsLogArguments' format. */
export function parseVersionsLog(output: string): Version[] {
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
      const line = raw.split("\n").find((row) => row.startsWith(":")) ?? "";
      const newBlob = line.split(" ")[3] ?? "";
      return {
        commit,
        authorName,
        authorEmail,
        at: new Date(Number(seconds) * 1000),
        subject,
        body: body.trim(),
        blob: newBlob && !NO_BLOB.test(newBlob) ? newBlob : null,
      };
    });
}

/** The newest `limit` versions of `file` (a name in the folder), newest first. */
export async function fileVersions(repo: ContentRepository, file: string, limit = 500): Promise<Version[]> {
  const format = `${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%at${FIELD}%s${FIELD}%b${FIELD}`;
  const output = await git(repo, [
    "log",
    `--format=${format}`,
    "--raw",
    "--no-abbrev",
    "--no-renames",
    `--max-count=${limit}`,
    "HEAD",
    "--",
    file,
  ]).catch(() => "");
  return parseVersionsLog(output);
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

/** Files deleted from the folder, newest deletion first, with the commit before it that still held them. */
export async function deletedFiles(
  repo: ContentRepository,
  limit = 50,
): Promise<Array<{ file: string; commit: string; at: Date; authorName: string }>> {
  const output = await git(repo, [
    "log",
    "--diff-filter=D",
    "--no-renames",
    `--format=${RECORD}%H${FIELD}%at${FIELD}%an${FIELD}`,
    "--name-only",
    `--max-count=${limit}`,
    "HEAD",
    "--",
    "*.md",
  ]).catch(() => "");
  const seen = new Set<string>();
  const deleted: Array<{ file: string; commit: string; at: Date; authorName: string }> = [];
  for (const record of output.split(RECORD).filter((part) => part.trim())) {
    const [commit = "", seconds = "0", authorName = "", names = ""] = record.split(FIELD);
    for (const file of names.split("\n").filter(Boolean)) {
      if (seen.has(file)) continue;
      seen.add(file);
      deleted.push({ file, commit, at: new Date(Number(seconds) * 1000), authorName });
    }
  }
  return deleted;
}
