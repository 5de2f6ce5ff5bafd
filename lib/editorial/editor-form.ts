import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Report } from "../content";
import { slugify } from "../slugs";
import { type EditorState, problemsByInput } from "../report-form/editor-state";
import { reportInputs } from "../report-form/field-names";
import { dataFromForm } from "../report-form/form-data";
import { reportFormFields } from "../report-form/form-fields";
import { MAX_PHOTO_BYTES } from "../photo-files";
import { PhotoError, photoMarkdown, preparePhoto, storePhoto } from "./photos";
import { openReportFile, type ReportDraft, ReportFileError, reportFileText } from "./report-file";
import { savedMessage } from "./workflow";
import {
  checkReportText,
  fileVersion,
  isEditableReportFile,
  logEditorAction,
  saveReport,
  type WorkflowRequest,
} from "./save-report";

// What the report form's actions do once they have checked the session: read what the form
// posted, save it, draw its preview, store its photo. The actions only add the session and the
// way back (a redirect, or what the form shows next).

export const SIGNED_OUT =
  "Phiên đăng nhập đã hết. Đăng nhập lại ở một thẻ khác rồi bấm Lưu: chữ bạn viết vẫn còn ở đây.";

function posted(form: FormData, name: string): string {
  return String(form.get(name) ?? "");
}

/** The file a form edits ("" for a new report) and the version of it the editor opened. */
export function postedFile(form: FormData): { file: string; version: string } {
  return { file: posted(form, reportInputs.file), version: posted(form, reportInputs.version) };
}

/** A correction asked for: its note; "" when the box is ticked without one; null when not asked. */
export function postedCorrection(form: FormData): string | null {
  if (form.get(reportInputs.correction) !== "on") return null;
  return posted(form, reportInputs.correctionNote).trim().replace(/\s+/g, " ");
}

export interface PostedDraft extends ReportDraft {
  /** The file the form edits; null for a new report. */
  file: string | null;
  version: string;
}

/** The draft a form posts: its data, and its body with the line breaks browsers send as CRLF. */
export function readPostedDraft(contentDir: string, form: FormData): PostedDraft {
  const { file, version } = postedFile(form);
  const target = isEditableReportFile(file) ? path.join(contentDir, file) : null;
  const opened = target && existsSync(target) ? openReportFile(readFileSync(target, "utf8")).data : {};
  const typed = posted(form, reportInputs.body).replace(/\r\n?/g, "\n");
  // A textarea drops the blank line after the front matter: it is put back as it was.
  const body = form.get(reportInputs.blankLineFirst) === "1" ? `\n${typed}` : typed;
  return { file: file || null, version, data: dataFromForm(form, reportFormFields(), opened), body };
}

/** The form as posted, with why it was not saved: every word the editor typed is kept. */
export function refusedState(
  draft: PostedDraft,
  message: string,
  problems: EditorState["problems"] = {},
): EditorState {
  const { data, body, file, version } = draft;
  return { data, body, file, version: version || null, saved: false, message, problems };
}

/** A new report saved (its address: the form opens it there), or what the form shows next. */
export type FormSave = { created: string } | { created: null; state: EditorState };

export function saveFromForm({
  contentDir,
  editor,
  draft,
  correction,
  workflow,
}: {
  contentDir: string;
  editor: string;
  draft: PostedDraft;
  correction?: string;
  workflow?: WorkflowRequest;
}): FormSave {
  let outcome;
  try {
    outcome = saveReport({
      contentDir,
      editor,
      draft: { data: draft.data, body: draft.body },
      existing: draft.file ? { file: draft.file, version: draft.version } : undefined,
      correction,
      workflow,
    });
  } catch (error) {
    if (!(error instanceof ReportFileError)) throw error;
    return { created: null, state: refusedState(draft, error.message) };
  }
  if (!outcome.saved) {
    return { created: null, state: refusedState(draft, outcome.message, problemsByInput(outcome.problems)) };
  }
  if (!draft.file) return { created: outcome.slug };
  const now = readFileSync(path.join(contentDir, outcome.file), "utf8");
  return {
    created: null,
    state: {
      ...refusedState(draft, savedMessage(openReportFile(now).data)),
      saved: true,
      version: fileVersion(now),
    },
  };
}

/** What the preview shows: the report as readers will see it, what stops it, or why neither. */
export type DraftPreview =
  | { kind: "report"; report: Report }
  | { kind: "problems"; problems: string[] }
  | { kind: "message"; message: string };

/** The report as readers will see it, drawn by the site's own loader. */
export function previewDraft(contentDir: string, draft: PostedDraft): DraftPreview {
  const { report, problems } = checkReportText(
    contentDir,
    draft.file ?? "xem-truoc.md",
    reportFileText({ data: draft.data, body: draft.body }),
  );
  if (report) return { kind: "report", report };
  return {
    kind: "problems",
    problems: problems.map((problem) => `${problem.field ? `${problem.field}: ` : ""}${problem.message}`),
  };
}

/** The Markdown line of a photo stored (null if none was), and what to tell the editor. */
export interface PhotoUpload {
  line: string | null;
  message: string;
}

/** An uploaded photo, checked, re-encoded and stored; the Markdown line to put in the body. */
export async function uploadPhotoFromForm({
  publicDir,
  editor,
  form,
}: {
  publicDir: string;
  editor: string;
  form: FormData;
}): Promise<PhotoUpload> {
  const file = form.get(reportInputs.photo);
  if (!(file instanceof File) || file.size === 0) return { line: null, message: "Chưa chọn ảnh." };
  const alt = posted(form, reportInputs.photoAlt).trim();
  if (!alt) return { line: null, message: "Cần mô tả ảnh cho người không xem được ảnh (chữ thay ảnh)." };
  if (file.size > MAX_PHOTO_BYTES) return { line: null, message: "Ảnh quá lớn: tối đa 15 MB." };
  const opened = posted(form, reportInputs.file);
  const slug = isEditableReportFile(opened) ? opened.slice(0, -3) : slugify(posted(form, reportInputs.title));
  try {
    const jpeg = await preparePhoto(Buffer.from(await file.arrayBuffer()));
    const src = storePhoto(publicDir, slug, jpeg);
    logEditorAction(editor, "tải ảnh", src);
    const line = photoMarkdown(
      src,
      alt,
      posted(form, reportInputs.photoCaption),
      posted(form, reportInputs.photoCredit),
    );
    return { line, message: `Đã tải ảnh lên (${src}) và thêm dòng ảnh vào cuối nội dung.` };
  } catch (error) {
    if (error instanceof PhotoError) return { line: null, message: error.message };
    throw error;
  }
}
