import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportsByMonth } from "@/components/archive/compact-reports";
import { PeriodPagination } from "@/components/archive/period-pagination";
import { YearLinks } from "@/components/archive/year-links";
import { ReportListing } from "@/components/home/report-listing";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getTopicPage, getTopicYear, type Topic, type TopicKind } from "@/lib/content";
import { pageParam, yearParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

// The shared body of the topic routes (/chu-de/…, /chuyen-muc/…, their /trang/N and /nam/YYYY pages).

const KIND_NAME: Record<TopicKind, string> = { tag: "Chủ đề", category: "Chuyên mục" };
const hrefOf = (kind: TopicKind) => (kind === "tag" ? routes.tag : routes.category);
const yearHrefOf = (kind: TopicKind) => (kind === "tag" ? routes.tagYear : routes.categoryYear);

function trail(topic: Topic, year?: number) {
  return [
    { name: "Trang chủ", href: routes.home },
    { name: KIND_NAME[topic.kind], href: routes.topics },
    ...(year === undefined
      ? [{ name: topic.name }]
      : [{ name: topic.name, href: hrefOf(topic.kind)(topic.slug) }, { name: `Năm ${year}` }]),
  ];
}

export function topicMetadata(kind: TopicKind, slug: string, page?: string): Metadata {
  const listing = getTopicPage(kind, slug, pageParam(page));
  if (!listing) return {};
  const { name } = listing.topic;
  const title = listing.page === 1 ? name : `${name}, trang ${listing.page}`;
  return pageMetadata({
    title,
    description: `${KIND_NAME[kind]} “${name}”: ${listing.topic.count} bài viết, mới nhất trước.`,
    path: hrefOf(kind)(slug, listing.page),
  });
}

export function TopicRoutePage({ kind, slug, page }: { kind: TopicKind; slug: string; page?: string }) {
  const number = pageParam(page);
  const listing = getTopicPage(kind, slug, number);
  // Pages past the cap moved to their year (proxy.ts answers those).
  if (!listing) notFound();
  // /…/trang/1 would repeat the topic's first page under a second address.
  if (page !== undefined && listing.page === 1) notFound();
  const { name } = listing.topic;
  return (
    <ReportListing
      listing={listing}
      heading={listing.page === 1 ? name : `${name}, trang ${listing.page}`}
      pageHref={(n) => hrefOf(kind)(slug, n)}
      before={<Breadcrumbs crumbs={trail(listing.topic)} />}
      archive={<YearLinks years={listing.years} yearHref={(year) => yearHrefOf(kind)(slug, year)} />}
    />
  );
}

function topicYearOf(kind: TopicKind, slug: string, year: string, page?: string) {
  const number = pageParam(page);
  // /…/trang/1 would repeat the year's first page under a second address.
  if (page !== undefined && number === 1) return null;
  return getTopicYear(kind, slug, yearParam(year), number);
}

export function topicYearMetadata(kind: TopicKind, slug: string, year: string, page?: string): Metadata {
  const found = topicYearOf(kind, slug, year, page);
  if (!found) return {};
  const { name } = found.topic;
  const number = found.reports.page;
  return pageMetadata({
    title: number === 1 ? `${name}, năm ${year}` : `${name}, năm ${year}, trang ${number}`,
    description: `${KIND_NAME[kind]} “${name}”: các bài viết năm ${year}, theo từng tháng, từ đầu năm.`,
    path: yearHrefOf(kind)(slug, Number(year), number),
  });
}

export function TopicYearPage({
  kind,
  slug,
  year,
  page,
}: {
  kind: TopicKind;
  slug: string;
  year: string;
  page?: string;
}) {
  const number = yearParam(year);
  const found = topicYearOf(kind, slug, year, page);
  // Only a list longer than its numbered pages has year pages: a publish refreshes no other's.
  const years = getTopicPage(kind, slug, 1)?.years ?? [];
  if (!found || years.length === 0) notFound();
  const { topic, reports } = found;
  return (
    <div className="listing">
      <Breadcrumbs crumbs={trail(topic, number)} />
      <h1 className="listing__heading">
        {topic.name}, năm {number}
        {reports.page > 1 && `, trang ${reports.page}`}
      </h1>
      <p className="archive-summary">Theo thứ tự thời gian, từ đầu năm.</p>
      <ReportsByMonth reports={reports.items} />
      <PeriodPagination
        page={reports.page}
        hasNext={reports.hasNext}
        pageHref={(n) => yearHrefOf(kind)(slug, number, n)}
        period="năm"
      />
      <YearLinks years={years} yearHref={(y) => yearHrefOf(kind)(slug, y)} current={number} />
    </div>
  );
}
