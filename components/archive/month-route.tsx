import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { monthHeading, ReportsByDay } from "@/components/archive/compact-reports";
import { PeriodPagination } from "@/components/archive/period-pagination";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getMonthReports, getMonths, monthKey, type MonthCount } from "@/lib/content";
import { monthParam, pageParam, yearParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

// The shared body of a month's archive pages (/luu-tru/YYYY/MM and its /trang/N).

function monthOf(year: string, month: string, page?: string) {
  const [y, m, n] = [yearParam(year), monthParam(month), pageParam(page)];
  const reports = getMonthReports(y, m, n);
  // /…/trang/1 would repeat the month's first page under a second address.
  if (!reports || (page !== undefined && n === 1)) return null;
  return { year: y, month: m, key: monthKey(y, m) as string, reports };
}

const titleOf = (name: string, page: number) =>
  page === 1 ? `${name}: lưu trữ` : `${name}: lưu trữ, trang ${page}`;

export function monthMetadata(year: string, month: string, page?: string): Metadata {
  const found = monthOf(year, month, page);
  if (!found) return {};
  const name = monthHeading(found.key);
  return pageMetadata({
    title: titleOf(name, found.reports.page),
    description: `Các bài viết ${name.toLowerCase()}, theo từng ngày, từ đầu tháng.`,
    path: routes.month(found.year, found.month, found.reports.page),
  });
}

function MonthLink({ month, rel }: { month: MonthCount; rel: "prev" | "next" }) {
  const name = monthHeading(month.month);
  return (
    <Link href={routes.month(month.year, month.monthNumber)} rel={rel}>
      {rel === "prev" ? `← ${name}` : `${name} →`}
    </Link>
  );
}

export function MonthRoutePage({ year, month, page }: { year: string; month: string; page?: string }) {
  const found = monthOf(year, month, page);
  if (!found) notFound();
  const name = monthHeading(found.key);
  const { items, page: number, hasNext } = found.reports;
  // Newest first: the month before this one is the next entry, the month after the one before.
  const months = getMonths();
  const index = months.findIndex((entry) => entry.month === found.key);
  const [older, newer] = [months[index + 1], index > 0 ? months[index - 1] : undefined];
  return (
    <div className="listing">
      <Breadcrumbs
        crumbs={[
          { name: "Trang chủ", href: routes.home },
          { name: "Lưu trữ", href: routes.archive },
          number === 1 ? { name } : { name, href: routes.month(found.year, found.month) },
          ...(number === 1 ? [] : [{ name: `Trang ${number}` }]),
        ]}
      />
      <h1 className="listing__heading">
        Lưu trữ {name.toLowerCase()}
        {number > 1 && `, trang ${number}`}
      </h1>
      <p className="archive-summary">Theo thứ tự thời gian, từ đầu tháng.</p>
      <ReportsByDay reports={items} />
      <PeriodPagination
        page={number}
        hasNext={hasNext}
        pageHref={(n) => routes.month(found.year, found.month, n)}
        period="tháng"
      />
      <nav className="pagination" aria-label="Các tháng khác">
        {older ? <MonthLink month={older} rel="prev" /> : <span />}
        {newer && <MonthLink month={newer} rel="next" />}
      </nav>
    </div>
  );
}
