import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReportEditor } from "@/components/admin/report-editor";
import { reportFormFields } from "@/lib/admin/form-fields";
import { newReport } from "@/lib/admin/open-report";
import { adminRoutes } from "@/lib/admin/routes";
import { signedInEditor } from "@/lib/admin/session";
import { getTopics } from "@/lib/content";

export const metadata: Metadata = { title: "Bài mới", robots: { index: false, follow: false } };

export default async function NewReportPage() {
  if (!(await signedInEditor())) redirect(adminRoutes.signIn({}));
  const opened = newReport();
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.home}>← Các bài viết</Link>
      </p>
      <h1>Bài mới</h1>
      <ReportEditor
        fields={reportFormFields()}
        initial={opened.state}
        blankLineFirst={opened.blankLineFirst}
        categories={getTopics("category").map((topic) => topic.name)}
        tags={getTopics("tag").map((topic) => topic.name)}
      />
    </div>
  );
}
