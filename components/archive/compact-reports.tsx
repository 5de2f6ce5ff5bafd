import Link from "next/link";
import { type ReportSummary, vietnamMonth } from "@/lib/content";
import { formatDayHeading, formatShortDate, formatTime, toVietnamIso, vietnamDay } from "@/lib/dates";
import { groupRuns } from "@/lib/group";
import { routes } from "@/lib/routes";

/** "Tháng 1/2021" for "2021-01". */
export function monthHeading(month: string): string {
  return `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`;
}

function CompactList({ reports, when }: { reports: ReportSummary[]; when: (date: Date) => string }) {
  return (
    <ol className="compact-list">
      {reports.map((report) => (
        <li key={report.slug} className="compact-list__item">
          <Link href={routes.report(report.slug)}>{report.title}</Link>{" "}
          <time className="compact-list__when" dateTime={toVietnamIso(report.date)}>
            {when(report.date)}
          </time>
        </li>
      ))}
    </ol>
  );
}

/** A month's reports under a heading per day (Vietnam time), each a title and its time. */
export function ReportsByDay({ reports }: { reports: ReportSummary[] }) {
  return groupRuns(reports, (report) => vietnamDay(report.date)).map((day) => (
    <section key={day.key} className="archive-group" aria-labelledby={`ngay-${day.key}`}>
      <h2 id={`ngay-${day.key}`} className="archive-group__heading">
        {formatDayHeading(day.items[0].date)}
      </h2>
      <CompactList reports={day.items} when={formatTime} />
    </section>
  ));
}

/** A year's reports under a heading per month, each a title and its date. */
export function ReportsByMonth({ reports }: { reports: ReportSummary[] }) {
  return groupRuns(reports, (report) => vietnamMonth(report.date)).map((month) => (
    <section key={month.key} className="archive-group" aria-labelledby={`thang-${month.key}`}>
      <h2 id={`thang-${month.key}`} className="archive-group__heading">
        {monthHeading(month.key)}
      </h2>
      <CompactList reports={month.items} when={formatShortDate} />
    </section>
  ));
}
