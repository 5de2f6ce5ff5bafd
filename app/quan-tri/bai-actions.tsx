"use server";

import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ReportBody } from "@/components/report/report-body";
import { dataFromForm } from "@/lib/report-form/form-data";
import { reportFormFields } from "@/lib/report-form/form-fields";
import { type EditorState, problemsByInput } from "@/lib/report-form/editor-state";
import { openReportFile, reportFileText, ReportFileError } from "@/lib/editorial/report-file";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import {
  checkReportText,
  fileVersion,
  isEditableReportFile,
  logEditorAction,
  saveReport,
} from "@/lib/editorial/save-report";
import { MAX_PHOTO_BYTES, PhotoError, photoMarkdown, preparePhoto, storePhoto } from "@/lib/editorial/photos";
import { signedInEditor } from "@/lib/auth/session";
import { publicDirectory, contentDirectory } from "@/lib/content/refresh";
import { slugify } from "@/lib/slugs";

// The report form's server actions (issue 14). Each checks the session itself: a page's redirect
// is no guard for an action, which anyone can post to.

const SIGNED_OUT =
  "Phiên đăng nhập đã hết. Đăng nhập lại ở một thẻ khác rồi bấm Lưu: chữ bạn viết vẫn còn ở đây.";

/** The draft a form posts: its data, and its body with the line breaks browsers send as CRLF. */
function postedDraft(form: FormData) {
  const file = String(form.get("tep") ?? "");
  const target = isEditableReportFile(file) ? path.join(contentDirectory(), file) : null;
  const opened = target && existsSync(target) ? openReportFile(readFileSync(target, "utf8")).data : {};
  const typed = String(form.get("than-bai") ?? "").replace(/\r\n?/g, "\n");
  // A textarea drops the blank line after the front matter: it is put back as it was.
  const body = form.get("dong-dau") === "1" ? `\n${typed}` : typed;
  return {
    file: file || null,
    version: String(form.get("phien-ban") ?? ""),
    data: dataFromForm(form, reportFormFields(), opened),
    body,
  };
}

export async function saveFromForm(_previous: EditorState, form: FormData): Promise<EditorState> {
  const posted = postedDraft(form);
  const kept = { data: posted.data, body: posted.body, file: posted.file, version: posted.version || null };
  const editor = await signedInEditor();
  if (!editor) return { ...kept, saved: false, message: SIGNED_OUT, problems: {} };
  let outcome;
  try {
    outcome = saveReport({
      contentDir: contentDirectory(),
      editor,
      draft: { data: posted.data, body: posted.body },
      existing: posted.file ? { file: posted.file, version: posted.version } : undefined,
    });
  } catch (error) {
    if (!(error instanceof ReportFileError)) throw error;
    return { ...kept, saved: false, message: error.message, problems: {} };
  }
  if (!outcome.saved)
    return { ...kept, saved: false, message: outcome.message, problems: problemsByInput(outcome.problems) };
  if (!posted.file) redirect(adminRoutes.edit(outcome.slug, "da-luu"));
  const now = readFileSync(path.join(contentDirectory(), outcome.file), "utf8");
  return {
    ...kept,
    saved: true,
    version: fileVersion(now),
    message: "Đã lưu. Bạn đọc thấy bản mới trong vài giây.",
    problems: {},
  };
}

/** The report as readers will see it, drawn by the site's own loader and components. */
export async function previewDraft(form: FormData): Promise<ReactNode> {
  if (!(await signedInEditor())) return <p>{SIGNED_OUT}</p>;
  const posted = postedDraft(form);
  const { report, problems } = checkReportText(
    contentDirectory(),
    posted.file ?? "xem-truoc.md",
    reportFileText({ data: posted.data, body: posted.body }),
  );
  if (!report) {
    return (
      <ul className="admin__problems">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {problem.field ? `${problem.field}: ` : ""}
            {problem.message}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <article className="report">
      <h1>{report.title}</h1>
      <p>{report.summary}</p>
      <ReportBody blocks={report.body} />
    </article>
  );
}

/** An uploaded photo, checked, re-encoded and stored; the Markdown line to put in the body. */
export async function uploadPhoto(form: FormData): Promise<{ line: string | null; message: string }> {
  const editor = await signedInEditor();
  if (!editor) return { line: null, message: SIGNED_OUT };
  const file = form.get("anh");
  if (!(file instanceof File) || file.size === 0) return { line: null, message: "Chưa chọn ảnh." };
  const alt = String(form.get("anh-mo-ta") ?? "").trim();
  if (!alt) return { line: null, message: "Cần mô tả ảnh cho người không xem được ảnh (chữ thay ảnh)." };
  if (file.size > MAX_PHOTO_BYTES) return { line: null, message: "Ảnh quá lớn: tối đa 15 MB." };
  const opened = String(form.get("tep") ?? "");
  const slug = isEditableReportFile(opened) ? opened.slice(0, -3) : slugify(String(form.get("title") ?? ""));
  try {
    const jpeg = await preparePhoto(Buffer.from(await file.arrayBuffer()));
    const src = storePhoto(publicDirectory(), slug, jpeg);
    logEditorAction(editor, "tải ảnh", src);
    const line = photoMarkdown(
      src,
      alt,
      String(form.get("anh-chu-thich") ?? ""),
      String(form.get("anh-tac-gia") ?? ""),
    );
    return { line, message: `Đã tải ảnh lên (${src}) và thêm dòng ảnh vào cuối nội dung.` };
  } catch (error) {
    if (error instanceof PhotoError) return { line: null, message: error.message };
    throw error;
  }
}

/** Deletes a report's file (the watcher unpublishes it), if it is still as the editor last saw it. */
export async function deleteReport(form: FormData): Promise<void> {
  const editor = await signedInEditor();
  if (!editor) redirect(adminRoutes.signIn({}));
  const file = String(form.get("tep") ?? "");
  if (!isEditableReportFile(file)) redirect(adminRoutes.home);
  const target = path.join(contentDirectory(), file);
  if (!existsSync(target) || fileVersion(readFileSync(target, "utf8")) !== form.get("phien-ban")) {
    redirect(adminRoutes.edit(file.slice(0, -3), "khong-xoa"));
  }
  rmSync(target);
  logEditorAction(editor, "xóa", file);
  redirect(adminRoutes.home);
}
