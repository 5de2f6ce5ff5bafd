import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, dump } from "js-yaml";
import { contentRepositoryOf } from "../history/content-repository";
import {
  describeVersions,
  photosOf,
  readVersion,
  splitReportText,
  titleOf,
} from "../history/describe-change";
import { deletedFiles, fileVersions, readTexts } from "../history/versions";
import { type DiffPart, wordDiff } from "../history/word-diff";
import { fieldLabel } from "../report-form/form-fields";
import { fileVersion, isEditableReportFile } from "./save-report";

// What the editors' history pages show: a report's versions in words, two versions compared,
// and the reports deleted from the folder.

/** The most versions a history page lists (the oldest beyond are in git, not on the page). */
export const HISTORY_LIMIT = 300;
/** An object name that names nothing: a deleted version's place in the batch. */
const MISSING = "0".repeat(40);
const CORRECTION_TRAILER = /^Đính chính: (.+)$/m;

export interface HistoryEntry {
  commit: string;
  at: Date;
  author: string;
  subject: string;
  /** The correction's note, when the version was saved as one. */
  correction: string | null;
  /** What changed, in words: "sửa tiêu đề", "+120 / −14 chữ". */
  changes: string[];
  /** The version deleted the report. */
  deleted: boolean;
}

export interface ReportHistory {
  file: string;
  title: string;
  /** The file's version now, for a restore's conflict check; "" when it is deleted. */
  currentVersion: string;
  entries: HistoryEntry[];
}

/** A report's history, newest first; null when the name is not a report's or it has none. */
export async function reportHistory(contentDir: string, name: string): Promise<ReportHistory | null> {
  const file = `${name}.md`;
  if (!isEditableReportFile(file)) return null;
  const repo = contentRepositoryOf(contentDir);
  const versions = await fileVersions(repo, file, HISTORY_LIMIT + 1);
  if (versions.length === 0) return null;
  const texts = await readTexts(
    repo,
    versions.map((version) => version.blob ?? MISSING),
  );
  // Each text read once: it is the "after" of its version and the "before" of the next.
  const read = versions.map((version, index) => {
    const text = version.blob ? texts[index] : null;
    return text === null || text === undefined ? null : readVersion(text);
  });
  const entries = versions.slice(0, HISTORY_LIMIT).map((version, index) => {
    return {
      commit: version.commit,
      at: version.at,
      author: version.authorName,
      subject: version.subject,
      correction: CORRECTION_TRAILER.exec(version.body)?.[1] ?? null,
      changes: describeVersions(read[index + 1] ?? null, read[index] ?? null),
      deleted: version.blob === null,
    };
  });
  const target = path.join(contentDir, file);
  const now = existsSync(target) ? readFileSync(target, "utf8") : null;
  return {
    file,
    title: titleOf(now === null ? (read.find((version) => version !== null) ?? null) : splitReportText(now)),
    currentVersion: now === null ? "" : fileVersion(now),
    entries,
  };
}

export interface FieldComparison {
  name: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

export interface VersionComparison {
  file: string;
  from: { commit: string; exists: boolean };
  to: { commit: string; exists: boolean };
  fields: FieldComparison[];
  body: DiffPart[];
  photos: { before: string[]; after: string[] };
}

/** A field's value as an editor reads it: text as is, anything else as the file writes it (YAML). */
function shown(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return dump(value, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true }).trimEnd();
}

const COMMIT_ID = /^[0-9a-f]{40}$/;

/** Two versions of a report compared: fields by name, the body word by word, the photos. */
export async function compareVersions(
  contentDir: string,
  name: string,
  from: string,
  to: string,
): Promise<VersionComparison | null> {
  const file = `${name}.md`;
  if (!isEditableReportFile(file) || !COMMIT_ID.test(from) || !COMMIT_ID.test(to)) return null;
  const repo = contentRepositoryOf(contentDir);
  const [before, after] = await readTexts(repo, [`${from}:${file}`, `${to}:${file}`]);
  if ((before ?? null) === null && (after ?? null) === null) return null;
  const old = splitReportText(before ?? "");
  const now = splitReportText(after ?? "");
  const names = [...new Set([...Object.keys(old.data), ...Object.keys(now.data)])];
  return {
    file,
    from: { commit: from, exists: before !== null },
    to: { commit: to, exists: after !== null },
    fields: names.map((field) => {
      const was = shown(old.data[field]);
      const is = shown(now.data[field]);
      return { name: field, label: fieldLabel(field), before: was, after: is, changed: was !== is };
    }),
    body: wordDiff(old.body, now.body),
    photos: { before: photosOf(old), after: photosOf(now) },
  };
}

/** Reports deleted from the folder (and not back since), newest deletion first. */
export async function deletedReports(
  contentDir: string,
): Promise<Array<{ name: string; at: Date; author: string }>> {
  const deleted = await deletedFiles(contentRepositoryOf(contentDir));
  return deleted
    .filter(({ file }) => isEditableReportFile(file) && !existsSync(path.join(contentDir, file)))
    .map(({ file, at, authorName }) => ({ name: file.slice(0, -3), at, author: authorName }));
}
