import { ReportBody } from "@/components/report/report-body";
import type { DraftPreview } from "@/lib/editorial/editor-form";

/** The report form's preview: the report drawn by the site's own components, or what stops it. */
export function ReportPreview({ preview }: { preview: DraftPreview }) {
  if (preview.kind === "message") return <p>{preview.message}</p>;
  if (preview.kind === "problems") {
    return (
      <ul className="admin__problems">
        {preview.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    );
  }
  const { report } = preview;
  return (
    <article className="report">
      <h1>{report.title}</h1>
      <p>{report.summary}</p>
      <ReportBody blocks={report.body} />
    </article>
  );
}
