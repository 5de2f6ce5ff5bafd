import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { monthHeading, ReportsByDay } from "@/components/archive/compact-reports";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getMonthReports, getMonths, type MonthCount } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";
import { monthParam, yearParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const generateStaticParams = prerenderedParams("/luu-tru/[year]/[month]");

type Props = { params: Promise<{ year: string; month: string }> };

async function monthOf(params: Props["params"]) {
  const { year, month } = await params;
  const [y, m] = [yearParam(year), monthParam(month)];
  const reports = getMonthReports(y, m);
  return reports && { year: y, month: m, key: `${year}-${month}`, reports };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await monthOf(params);
  if (!found) return {};
  const name = monthHeading(found.key);
  return pageMetadata({
    title: `${name}: lưu trữ`,
    description: `Các bài viết ${name.toLowerCase()}, theo từng ngày: ${found.reports.length} bài.`,
    path: routes.month(found.year, found.month),
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

export default async function MonthPage({ params }: Props) {
  const found = await monthOf(params);
  if (!found) notFound();
  const name = monthHeading(found.key);
  // Newest first: the month before this one is the next entry, the month after the one before.
  const months = getMonths();
  const index = months.findIndex((month) => month.month === found.key);
  const [older, newer] = [months[index + 1], index > 0 ? months[index - 1] : undefined];
  return (
    <div className="listing">
      <Breadcrumbs
        crumbs={[
          { name: "Trang chủ", href: routes.home },
          { name: "Lưu trữ", href: routes.archive },
          { name },
        ]}
      />
      <h1 className="listing__heading">Lưu trữ {name.toLowerCase()}</h1>
      <p className="archive-summary">{found.reports.length} bài, mới nhất trước.</p>
      <ReportsByDay reports={found.reports} />
      <nav className="pagination" aria-label="Các tháng khác">
        {older ? <MonthLink month={older} rel="prev" /> : <span />}
        {newer && <MonthLink month={newer} rel="next" />}
      </nav>
    </div>
  );
}
