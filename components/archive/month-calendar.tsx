import Link from "next/link";
import type { MonthCount } from "@/lib/content";
import { routes } from "@/lib/routes";

const MONTHS = Array.from({ length: 12 }, (_, n) => n + 1);

/** One row per year, newest first, with its twelve months: those with reports link to their page. */
export function MonthCalendar({ months }: { months: MonthCount[] }) {
  const counts = new Map(months.map((month) => [month.month, month.count]));
  const years = [...new Set(months.map((month) => month.year))];
  return years.map((year) => (
    <section key={year} className="month-calendar" aria-labelledby={`nam-${year}`}>
      <h2 id={`nam-${year}`} className="month-calendar__year">
        Năm {year}
      </h2>
      <ol className="month-calendar__months">
        {MONTHS.map((month) => {
          const count = counts.get(`${year}-${String(month).padStart(2, "0")}`);
          return (
            <li key={month} className="month-calendar__month">
              {count ? (
                <Link href={routes.month(year, month)}>
                  Tháng {month} <span className="month-calendar__count">{count} bài</span>
                </Link>
              ) : (
                <span className="month-calendar__empty">Tháng {month}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  ));
}
