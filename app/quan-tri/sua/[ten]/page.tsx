import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { reportEditorActions } from "@/app/quan-tri/_bai/editor-actions";
import { ReportEditorPage } from "@/components/admin/report-editor-page";
import { openReportForEditing } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { signedInEditor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sửa bài", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ ten: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditReportPage({ params, searchParams }: Props) {
  if (!(await signedInEditor())) redirect(adminRoutes.signIn({}));
  const { ten } = await params;
  const opened = openReportForEditing(ten);
  if (!opened) notFound();
  const { "da-luu": justSaved, "khong-xoa": notDeleted } = await searchParams;
  const state = justSaved
    ? { ...opened.state, message: "Đã lưu bài mới.", saved: true }
    : notDeleted
      ? { ...opened.state, message: "Chưa xóa: bài đã được sửa ở nơi khác. Đây là bản hiện tại." }
      : opened.state;
  return (
    <ReportEditorPage
      heading="Sửa bài"
      opened={opened}
      state={state}
      actions={reportEditorActions}
      permalink={adminRoutes.edit(ten)}
    />
  );
}
