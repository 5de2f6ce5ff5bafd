import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportListing } from "@/components/home/report-listing";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getTopicPage, type TopicKind } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

// The shared body of the four topic routes (/chu-de/…, /chuyen-muc/…, and their /trang/N pages).

const KIND_NAME: Record<TopicKind, string> = { tag: "Chủ đề", category: "Chuyên mục" };
const hrefOf = (kind: TopicKind) => (kind === "tag" ? routes.tag : routes.category);

function pageNumber(page: string | undefined): number {
  return page === undefined ? 1 : /^\d+$/.test(page) ? Number(page) : Number.NaN;
}

export function topicMetadata(kind: TopicKind, slug: string, page?: string): Metadata {
  const listing = getTopicPage(kind, slug, pageNumber(page));
  if (!listing) return {};
  const { name } = listing.topic;
  const title = listing.page === 1 ? name : `${name}, trang ${listing.page}`;
  return pageMetadata({
    title,
    description: `${KIND_NAME[kind]} “${name}”: ${listing.topic.reports.length} bài viết, mới nhất trước.`,
    path: hrefOf(kind)(slug, listing.page),
  });
}

export function TopicRoutePage({ kind, slug, page }: { kind: TopicKind; slug: string; page?: string }) {
  const listing = getTopicPage(kind, slug, pageNumber(page));
  // /…/trang/1 would repeat the topic's first page under a second address.
  if (!listing || (page !== undefined && listing.page === 1)) notFound();
  const { name } = listing.topic;
  return (
    <ReportListing
      listing={listing}
      heading={listing.page === 1 ? name : `${name}, trang ${listing.page}`}
      pageHref={(n) => hrefOf(kind)(slug, n)}
      before={
        <Breadcrumbs
          crumbs={[
            { name: "Trang chủ", href: routes.home },
            { name: KIND_NAME[kind], href: routes.topics },
            { name },
          ]}
        />
      }
    />
  );
}
