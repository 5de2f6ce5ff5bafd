"use server";

import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ReportPreview } from "@/components/admin/report-preview";
import { signedInEditor } from "@/lib/auth/session";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import {
  type PhotoUpload,
  postedFile,
  previewDraft,
  postedCorrection,
  readPostedDraft,
  refusedState,
  SIGNED_OUT,
  uploadPhotoFromForm,
} from "@/lib/editorial/editor-form";
import { recordedDelete, recordedSave } from "@/lib/editorial/recorded-edits";
import type { EditorState } from "@/lib/report-form/editor-state";
import { contentDirectory, publicDirectory } from "@/lib/content/refresh";

// The report form's server actions, passed to the form by its pages. Each checks the session
// itself: a page's redirect is no guard for an action, which anyone can post to.

export async function saveReportAction(_previous: EditorState, form: FormData): Promise<EditorState> {
  const draft = readPostedDraft(contentDirectory(), form);
  const editor = await signedInEditor();
  if (!editor) return refusedState(draft, SIGNED_OUT);
  const correction = postedCorrection(form);
  if (correction === "") {
    return refusedState(draft, "Chưa lưu: đã đánh dấu đính chính, cần ghi đã sửa gì để bạn đọc biết.");
  }
  const outcome = await recordedSave({
    contentDir: contentDirectory(),
    editor,
    draft,
    correction: correction ?? undefined,
  });
  if (outcome.created !== null) redirect(adminRoutes.edit(outcome.created, "da-luu"));
  return outcome.state;
}

/** The report as readers will see it, drawn by the site's own loader and components. */
export async function previewReportAction(form: FormData): Promise<ReactNode> {
  if (!(await signedInEditor())) return <ReportPreview preview={{ kind: "message", message: SIGNED_OUT }} />;
  return (
    <ReportPreview preview={previewDraft(contentDirectory(), readPostedDraft(contentDirectory(), form))} />
  );
}

export async function uploadPhotoAction(form: FormData): Promise<PhotoUpload> {
  const editor = await signedInEditor();
  if (!editor) return { line: null, message: SIGNED_OUT };
  return uploadPhotoFromForm({ publicDir: publicDirectory(), editor, form });
}

export async function deleteReportAction(_previous: void, form: FormData): Promise<void> {
  const editor = await signedInEditor();
  if (!editor) redirect(adminRoutes.signIn({}));
  const { file, version } = postedFile(form);
  const outcome = await recordedDelete({ contentDir: contentDirectory(), editor, file, version });
  if (!outcome.deleted && outcome.reason === "changed") {
    redirect(adminRoutes.edit(file.slice(0, -3), "khong-xoa"));
  }
  redirect(adminRoutes.home);
}
