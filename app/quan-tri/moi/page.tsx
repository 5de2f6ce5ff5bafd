import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { reportEditorActions } from "@/app/quan-tri/_bai/editor-actions";
import { ReportEditorPage } from "@/components/admin/report-editor-page";
import { newReport } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { signedInAccount } from "@/lib/auth/session";
import { formChoices } from "@/lib/editorial/workflow";

export const metadata: Metadata = { title: "Bài mới", robots: { index: false, follow: false } };

export default async function NewReportPage() {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  const opened = newReport();
  return (
    <ReportEditorPage
      heading="Bài mới"
      opened={opened}
      state={opened.state}
      actions={reportEditorActions}
      permalink={adminRoutes.newReport}
      choices={formChoices(account, null)}
      reporter={account.role === "phong-vien"}
      status={null}
    />
  );
}
