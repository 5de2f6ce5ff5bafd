import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { reportEditorActions } from "@/app/quan-tri/_bai/editor-actions";
import { ReportEditorPage } from "@/components/admin/report-editor-page";
import { openReportForEditing } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { signedInAccount } from "@/lib/auth/session";
import { formChoices, openedWorkflow, statusLine } from "@/lib/editorial/workflow";

export const metadata: Metadata = { title: "Sửa bài", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ ten: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditReportPage({ params, searchParams }: Props) {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  const { ten } = await params;
  const opened = openReportForEditing(ten);
  if (!opened) notFound();
  const { "da-luu": justSaved, "khong-xoa": notDeleted, "khong-duoc-xoa": notAllowed } = await searchParams;
  const state = justSaved
    ? { ...opened.state, message: "Đã lưu.", saved: true }
    : notDeleted
      ? { ...opened.state, message: "Chưa xóa: bài đã được sửa ở nơi khác. Đây là bản hiện tại." }
      : notAllowed
        ? { ...opened.state, message: "Chưa xóa: chỉ biên tập viên xóa được bài." }
        : opened.state;
  return (
    <ReportEditorPage
      heading="Sửa bài"
      opened={opened}
      state={state}
      actions={reportEditorActions}
      permalink={adminRoutes.edit(ten)}
      choices={formChoices(account, openedWorkflow(opened.state.data))}
      reporter={account.role === "phong-vien"}
      status={statusLine(opened.state.data)}
    />
  );
}
