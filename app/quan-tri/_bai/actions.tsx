"use server";

import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { ReportPreview } from "@/components/admin/report-preview";
import { may } from "@/lib/auth/roles";
import { signedInAccount } from "@/lib/auth/session";
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
import { isDecision } from "@/lib/editorial/workflow";
import { reportInputs } from "@/lib/report-form/field-names";
import type { EditorState } from "@/lib/report-form/editor-state";
import { contentDirectory, publicDirectory } from "@/lib/content/refresh";

// The report form's server actions, passed to the form by its pages. Each checks the session and
// the account's role itself: a page's redirect, or a button it does not draw, is no guard for an
// action, which anyone can post to.

export async function saveReportAction(_previous: EditorState, form: FormData): Promise<EditorState> {
  const draft = readPostedDraft(contentDirectory(), form);
  const account = await signedInAccount();
  if (!account) return refusedState(draft, SIGNED_OUT);
  const decision = form.get(reportInputs.decision) ?? "luu";
  if (!isDecision(decision)) return refusedState(draft, "Chưa lưu: không rõ bấm nút nào.");
  const correction = postedCorrection(form);
  if (correction !== null && !may(account.role, "dinh-chinh")) {
    return refusedState(draft, "Chưa lưu: chỉ biên tập viên đánh dấu đính chính.");
  }
  if (correction === "") {
    return refusedState(draft, "Chưa lưu: đã đánh dấu đính chính, cần ghi đã sửa gì để bạn đọc biết.");
  }
  const note = String(form.get(reportInputs.returnNote) ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .slice(0, 500);
  const outcome = await recordedSave({
    contentDir: contentDirectory(),
    editor: account.name,
    draft,
    correction: correction ?? undefined,
    workflow: { account, decision, note },
  });
  if (outcome.created !== null) redirect(adminRoutes.edit(outcome.created, "da-luu"));
  // A change of status: the page is drawn again, with what the report's new standing offers.
  if (decision !== "luu" && outcome.state.saved && draft.file) {
    redirect(adminRoutes.edit(draft.file.slice(0, -3), "da-luu"));
  }
  return outcome.state;
}

/** The report as readers will see it, drawn by the site's own loader and components. */
export async function previewReportAction(form: FormData): Promise<ReactNode> {
  if (!(await signedInAccount())) return <ReportPreview preview={{ kind: "message", message: SIGNED_OUT }} />;
  return (
    <ReportPreview preview={previewDraft(contentDirectory(), readPostedDraft(contentDirectory(), form))} />
  );
}

export async function uploadPhotoAction(form: FormData): Promise<PhotoUpload> {
  const account = await signedInAccount();
  if (!account) return { line: null, message: SIGNED_OUT };
  if (!may(account.role, "tai-anh")) return { line: null, message: "Tài khoản này không được tải ảnh lên." };
  return uploadPhotoFromForm({ publicDir: publicDirectory(), editor: account.name, form });
}

export async function deleteReportAction(_previous: void, form: FormData): Promise<void> {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  const { file, version } = postedFile(form);
  if (!may(account.role, "xoa-bai")) redirect(adminRoutes.edit(file.slice(0, -3), "khong-duoc-xoa"));
  const outcome = await recordedDelete({
    contentDir: contentDirectory(),
    editor: account.name,
    file,
    version,
  });
  if (!outcome.deleted && outcome.reason === "changed") {
    redirect(adminRoutes.edit(file.slice(0, -3), "khong-xoa"));
  }
  redirect(adminRoutes.home);
}
