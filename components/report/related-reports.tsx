import Link from "next/link";
import type { ReportSummary } from "@/lib/content";
import { routes } from "@/lib/routes";
import { DateLine } from "./date-line";

export function RelatedReports({ reports }: { reports: ReportSummary[] }) {
  if (reports.length === 0) return null;
  return (
    <section className="related" aria-labelledby="bai-lien-quan">
      <h2 id="bai-lien-quan">Bài liên quan</h2>
      <ul>
        {reports.map((report) => (
          <li key={report.slug}>
            <Link href={routes.report(report.slug)}>{report.title}</Link>
            <DateLine date={report.date} className="related__date" />
          </li>
        ))}
      </ul>
    </section>
  );
}
