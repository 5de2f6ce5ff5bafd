import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { deleteReport } from "@/app/quan-tri/bai-actions";
import { ReportEditor } from "@/components/admin/report-editor";
import { reportFormFields } from "@/lib/admin/form-fields";
import { openReportForEditing } from "@/lib/admin/open-report";
import { adminRoutes } from "@/lib/admin/routes";
import { signedInEditor } from "@/lib/admin/session";
import { getTopics } from "@/lib/content";

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
  const { "da-luu": justSaved } = await searchParams;
  const state = justSaved ? { ...opened.state, message: "Đã lưu bài mới.", saved: true } : opened.state;
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.home}>← Các bài viết</Link>
      </p>
      <h1>Sửa bài</h1>
      <ReportEditor
        fields={reportFormFields()}
        initial={state}
        blankLineFirst={opened.blankLineFirst}
        categories={getTopics("category").map((topic) => topic.name)}
        tags={getTopics("tag").map((topic) => topic.name)}
      />
      <form action={deleteReport} className="admin-delete">
        <input type="hidden" name="tep" value={opened.state.file ?? ""} />
        <input type="hidden" name="phien-ban" value={opened.state.version ?? ""} />
        <button type="submit">Xóa bài này</button>
      </form>
    </div>
  );
}
