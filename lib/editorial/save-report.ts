import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type ContentProblem,
  filesClaimingSlug,
  isReportFileName,
  loadGlossary,
  type LoadResult,
  listReportFiles,
  loadReport,
} from "../content/refresh";
import { parseReportDate, toVietnamIso } from "../dates";
import { isValidSlug, shortenSlug, slugify } from "../slugs";
import { editorDataDirectory } from "../auth/editor-data";
import { openReportFile, type ReportDraft, reportFileText } from "./report-file";
import { moveToTrash } from "./trash";
import {
  type Account,
  type Decision,
  decideWorkflow,
  isReleased,
  openedWorkflow,
  withWorkflow,
} from "./workflow";

// Saving and deleting from the editors' form. The file is checked as `npm run check-content`
// checks it before anything is written; it is written whole or not at all (a temporary file renamed
// over it, which the publishing watcher then picks up); a file changed by someone else since it was
// opened is never overwritten nor deleted; a new report never replaces an existing file. Each
// change is logged.

/** What a file held when it was opened: a save or a delete is refused if it holds something else now. */
export function fileVersion(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The file's text if it is still the version the editor opened; null if it was changed or
 * deleted since (by another editor, or on the server).
 */
export function textIfStillOpened(target: string, version: string): string | null {
  const text = existsSync(target) ? readFileSync(target, "utf8") : null;
  return text !== null && fileVersion(text) === version ? text : null;
}

export type SaveOutcome =
  | { saved: true; file: string; slug: string }
  | { saved: false; conflict?: true; refused?: true; problems: ContentProblem[]; message: string };

/** Who saves, and what they ask of the workflow (lib/editorial/workflow.ts). */
export interface WorkflowRequest {
  account: Account;
  decision: Decision;
  /** The note sent back with a report (tra-lai). */
  note: string;
}

export interface SaveRequest {
  contentDir: string;
  editor: string;
  draft: ReportDraft;
  /** An existing file and the version it was opened at; absent for a new report. */
  existing?: { file: string; version: string };
  /** A correction's note: the save is a correction, which readers are told of. */
  correction?: string;
  /** The account's role and decision; without it (tools, tests) the workflow's fields stay as they were. */
  workflow?: WorkflowRequest;
  now?: Date;
}

/**
 * The draft with what a save of a published report adds: the time of the change (`updated`,
 * "Cập nhật lúc …" for readers) and, for a correction, its note and time (`corrections`).
 */
export function stampedDraft(draft: ReportDraft, now: Date, correction?: string): ReportDraft {
  const stamp = toVietnamIso(now);
  const data: Record<string, unknown> = { ...draft.data, updated: stamp };
  if (correction) {
    const earlier = Array.isArray(draft.data.corrections) ? draft.data.corrections : [];
    data.corrections = [...earlier, { at: stamp, note: correction }];
  }
  return { data, body: draft.body };
}

/** A file the editor may open or write: a report by the folder's rule, named by a valid address (nothing that could lead out of the folder). */
export function isEditableReportFile(file: string): boolean {
  return isReportFileName(file) && isValidSlug(file.slice(0, -3));
}

/**
 * A report's text read by the site's own loader, as `npm run check-content` and the server read
 * it: its problems, or the report as readers will see it (the preview).
 */
export function checkReportText(contentDir: string, file: string, text: string): LoadResult {
  const folder = mkdtempSync(path.join(tmpdir(), "kiem-tra-bai-"));
  try {
    writeFileSync(path.join(folder, file), text);
    return loadReport(folder, file, loadGlossary(contentDir));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Writes a report file whole: a temporary file renamed over it (`replace`), or linked to its name
 * for a new one, which fails if the name was taken meanwhile: a new report never replaces a file.
 */
export function writeReportFile(contentDir: string, file: string, text: string, replace: boolean): void {
  // Not ".md": the watcher ignores it until the rename makes it the report.
  const temporary = path.join(contentDir, `.${file}.${process.pid}.tmp`);
  const target = path.join(contentDir, file);
  writeFileSync(temporary, text);
  if (replace) renameSync(temporary, target);
  else {
    try {
      linkSync(temporary, target);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}

/** One line per change: when, who, what, which file (data/nhat-ky-bien-tap.log). */
export function logEditorAction(
  editor: string,
  action: "tạo" | "sửa" | "xóa" | "khôi phục" | "tải ảnh",
  file: string,
): void {
  const line = `${new Date().toISOString()}\t${editor}\t${action}\t${file}\n`;
  appendFileSync(path.join(editorDataDirectory(), "nhat-ky-bien-tap.log"), line);
}

export function saveReport({
  contentDir,
  editor,
  draft,
  existing,
  correction,
  workflow,
  now = new Date(),
}: SaveRequest): SaveOutcome {
  if (existing && !isEditableReportFile(existing.file)) {
    return { saved: false, problems: [], message: "Không có bài nào ở tệp này." };
  }
  const title = typeof draft.data.title === "string" ? draft.data.title : "";
  // A long title makes a file name of at most MAX_SLUG_LENGTH characters, cut at a word.
  const file = existing?.file ?? `${shortenSlug(slugify(title))}.md`;
  if (!isEditableReportFile(file)) {
    return {
      saved: false,
      problems: [],
      message: "Tên tệp không hợp lệ: cần tiêu đề có chữ để đặt tên tệp.",
    };
  }
  const target = path.join(contentDir, file);
  let original: string | undefined;
  if (existing) {
    original = textIfStillOpened(target, existing.version) ?? undefined;
    if (original === undefined) {
      return {
        saved: false,
        conflict: true,
        problems: [],
        message:
          "Bài đã được sửa (hoặc xóa) ở nơi khác sau khi bạn mở. Chưa lưu gì: chép phần bạn viết ra chỗ khác, mở lại bài rồi sửa tiếp.",
      };
    }
  } else if (existsSync(target)) {
    return {
      saved: false,
      problems: [],
      message: `Đã có bài ở tệp ${file}. Đổi tiêu đề, hoặc mở bài đó để sửa.`,
    };
  }
  const openedData = original !== undefined ? openReportFile(original).data : {};
  const opened = original !== undefined ? openedWorkflow(openedData) : null;
  const decided = workflow
    ? decideWorkflow({
        ...workflow,
        opened,
        date: typeof draft.data.date === "string" ? parseReportDate(draft.data.date) : null,
        now,
      })
    : { allowed: true as const, fields: {}, removed: [] };
  if (!decided.allowed) return { saved: false, refused: true, problems: [], message: decided.message };
  const withFields: ReportDraft = { data: withWorkflow(draft.data, openedData, decided), body: draft.body };
  const released = isReleased(openedWorkflow(withFields.data));
  let text = reportFileText(withFields, original);
  // A published report that changes says when; a correction is said even with nothing else changed.
  const published = opened !== null && isReleased(opened) && released;
  if (published && (text !== original || correction)) {
    text = reportFileText(stampedDraft(withFields, now, correction), original);
  }
  const { problems } = checkReportText(contentDir, file, text);
  const slug =
    typeof withFields.data.slug === "string" && withFields.data.slug
      ? withFields.data.slug
      : file.slice(0, -3);
  const owner =
    isValidSlug(slug) && slug !== slugOf(original, file) ? slugOwner(contentDir, slug, file) : null;
  if (owner) {
    // The archive keeps the first file to claim an address: this one would be saved, never shown.
    const clash: ContentProblem = {
      file,
      field: "slug",
      message: `địa chỉ “${slug}” đã thuộc bài ${owner}; đặt slug khác (hoặc đổi tiêu đề) để bài được đăng`,
    };
    return {
      saved: false,
      problems: [...problems, clash],
      message: `Chưa lưu: địa chỉ “${slug}” đã thuộc bài ${owner}.`,
    };
  }
  if (problems.length > 0 && released) {
    return {
      saved: false,
      problems,
      message: `Chưa lưu: ${problems.length} lỗi cần sửa (hoặc đánh dấu là bản nháp để lưu tạm).`,
    };
  }
  if (text !== original) {
    writeReportFile(contentDir, file, text, existing !== undefined);
    logEditorAction(editor, existing ? "sửa" : "tạo", file);
  }
  return { saved: true, file, slug: file.slice(0, -3) };
}

/** The address a report's text claims: its slug: line, or its file's name. */
function slugOf(text: string | undefined, file: string): string | undefined {
  if (text === undefined) return undefined;
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  return /^slug:[ \t]*(["']?)([a-z0-9-]+)\1[ \t]*(?:#.*)?$/m.exec(frontMatter)?.[2] ?? file.slice(0, -3);
}

/**
 * The other report file that already claims `slug`, if any. On the live server only the file named
 * after it and those the store knows with it are read (an archive's worth of files is not);
 * elsewhere every file of the folder.
 */
function slugOwner(contentDir: string, slug: string, ownFile: string): string | null {
  const known = filesClaimingSlug(contentDir, slug);
  const candidates = known ? new Set([`${slug}.md`, ...known]) : listReportFiles(contentDir);
  for (const other of candidates) {
    if (other === ownFile) continue;
    let text: string;
    try {
      text = readFileSync(path.join(contentDir, other), "utf8");
    } catch {
      continue;
    }
    if (slugOf(text, other) === slug) return other;
  }
  return null;
}

export type DeleteOutcome = { deleted: true } | { deleted: false; reason: "no-such-report" | "changed" };

export interface DeleteRequest {
  contentDir: string;
  editor: string;
  file: string;
  /** The version the editor opened: a file changed since is not deleted. */
  version: string;
}

/**
 * Deletes a report (the watcher unpublishes it), if its file is still as the editor last saw it:
 * into the trash, restorable with its photos until the sweep (lib/editorial/trash.ts).
 */
export function deleteReport({ contentDir, editor, file, version }: DeleteRequest): DeleteOutcome {
  if (!isEditableReportFile(file)) return { deleted: false, reason: "no-such-report" };
  const target = path.join(contentDir, file);
  if (textIfStillOpened(target, version) === null) return { deleted: false, reason: "changed" };
  moveToTrash(contentDir, file);
  logEditorAction(editor, "xóa", file);
  return { deleted: true };
}
