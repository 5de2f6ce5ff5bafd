import Link from "next/link";
import type { ReportSummary } from "@/lib/content";
import { routes } from "@/lib/routes";
import { ResponsiveImage } from "@/components/media/responsive-image";
import { DateLine } from "@/components/report/date-line";

export function ReportList({ reports }: { reports: ReportSummary[] }) {
  return (
    <ol className="report-list">
      {reports.map((report, index) => (
        <li key={report.slug} className="report-card">
          <h2 className="report-card__title">
            <Link href={routes.report(report.slug)}>{report.title}</Link>
          </h2>
          <DateLine date={report.date} className="report-card__date" />
          <p className="report-card__summary">{report.summary}</p>
          {report.cover && (
            <ResponsiveImage
              className="report-card__cover"
              src={report.cover.src}
              alt={report.cover.alt}
              width={report.cover.width}
              height={report.cover.height}
              sizes="(min-width: 46rem) 200px, 100vw"
              preload={index === 0}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
