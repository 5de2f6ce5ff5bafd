import Link from "next/link";
import { ReportEditor, type ReportEditorActions } from "@/components/admin/report-editor";
import { reportFormFields } from "@/lib/report-form/form-fields";
import type { OpenedReport } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import type { EditorState } from "@/lib/report-form/editor-state";
import { getTopics } from "@/lib/content";

/** A page of the report form, new or existing: the way back, its heading, and the form. */
export function ReportEditorPage({
  heading,
  opened,
  state,
  actions,
  permalink,
}: {
  heading: string;
  opened: OpenedReport;
  state: EditorState;
  /** The form's server actions, from the page (components never import app/). */
  actions: ReportEditorActions;
  /** The page's own address, without its query: where its forms post without JavaScript. */
  permalink: string;
}) {
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.home}>← Các bài viết</Link>
        {opened.state.file && (
          <>
            {" · "}
            <Link href={adminRoutes.history(opened.state.file.slice(0, -3))}>Lịch sử các bản</Link>
          </>
        )}
      </p>
      <h1>{heading}</h1>
      <ReportEditor
        fields={reportFormFields()}
        initial={state}
        blankLineFirst={opened.blankLineFirst}
        categories={getTopics("category").map((topic) => topic.name)}
        tags={getTopics("tag").map((topic) => topic.name)}
        {...actions}
        permalink={permalink}
      />
    </div>
  );
}
