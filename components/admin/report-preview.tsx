import { ReportBody } from "@/components/report/report-body";
import { adminRoutes } from "@/lib/editorial/admin-routes";
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
  // A draft's photos are not public yet: the preview takes them from the editors' own address.
  const blocks = report.body.map((block) =>
    block.kind === "figure"
      ? { ...block, figure: { ...block.figure, src: adminRoutes.photo(block.figure.src) } }
      : block,
  );
  return (
    <article className="report">
      <h1>{report.title}</h1>
      <p>{report.summary}</p>
      <ReportBody blocks={blocks} />
    </article>
  );
}
