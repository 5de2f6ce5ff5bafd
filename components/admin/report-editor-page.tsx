import Link from "next/link";
import { ReportEditor, type ReportEditorActions } from "@/components/admin/report-editor";
import { formatChangeTime } from "@/lib/dates";
import { DECISION_LABELS, type FormChoices, STATUS_LABELS, type StatusLine } from "@/lib/editorial/workflow";
import { reportFormFields } from "@/lib/report-form/form-fields";
import type { OpenedReport } from "@/lib/editorial/open-report";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import type { EditorState } from "@/lib/report-form/editor-state";
import { getTopics, getTopTopics, sortTopics } from "@/lib/content";

function Status({ line }: { line: StatusLine }) {
  return (
    <div className="admin__status">
      <p>
        Trạng thái: <strong>{STATUS_LABELS[line.kind]}</strong>
        {line.scheduledFor && <> · tự đăng lúc {formatChangeTime(line.scheduledFor)}</>}
        {line.kind === "cho-duyet" && line.review && (
          <>
            {" "}
            · {line.review.by} gửi lúc {formatChangeTime(line.review.at)}
          </>
        )}
      </p>
      {line.returned && line.kind === "ban-nhap" && (
        <p className="admin__error" role="note">
          {line.returned.by} trả lại lúc {formatChangeTime(line.returned.at)}: {line.returned.note}
        </p>
      )}
    </div>
  );
}

/** The tags the form offers as the editor types: the most used this many, so the page stays the same size as the archive grows (any other tag can still be typed). */
const TAG_CHOICES = 1000;

/** A page of the report form, new or existing: the way back, its heading, and the form. */
export function ReportEditorPage({
  heading,
  opened,
  state,
  actions,
  permalink,
  choices,
  reporter,
  status,
}: {
  heading: string;
  opened: OpenedReport;
  state: EditorState;
  /** What the account's role may do on this report (lib/editorial/workflow.ts). */
  choices: FormChoices;
  /** Whether the account writes as a reporter (its plain save keeps a draft). */
  reporter: boolean;
  status: StatusLine | null;
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
      {status && <Status line={status} />}
      {!choices.editable && (
        <p className="admin__notice" role="note">
          Bạn chỉ xem được bài này: phóng viên sửa được bài của mình khi bài chưa đăng.
        </p>
      )}
      <ReportEditor
        buttons={choices.decisions.map((decision) => ({
          decision,
          label: (reporter && DECISION_LABELS[decision].reporter) || DECISION_LABELS[decision].plain,
        }))}
        correction={choices.correction}
        remove={choices.remove}
        fields={reportFormFields()}
        initial={state}
        blankLineFirst={opened.blankLineFirst}
        categories={getTopics("category").map((topic) => topic.name)}
        tags={sortTopics(getTopTopics("tag", TAG_CHOICES)).map((topic) => topic.name)}
        {...actions}
        permalink={permalink}
      />
    </div>
  );
}
