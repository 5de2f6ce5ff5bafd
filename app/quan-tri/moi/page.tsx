import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { reportEditorActions } from "@/app/quan-tri/_bai/editor-actions";
import { ReportEditorPage } from "@/components/admin/report-editor-page";
import { newReport } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { signedInEditor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Bài mới", robots: { index: false, follow: false } };

export default async function NewReportPage() {
  if (!(await signedInEditor())) redirect(adminRoutes.signIn({}));
  const opened = newReport();
  return (
    <ReportEditorPage
      heading="Bài mới"
      opened={opened}
      state={opened.state}
      actions={reportEditorActions}
      permalink={adminRoutes.newReport}
    />
  );
}
