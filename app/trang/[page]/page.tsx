import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonthArchiveLink } from "@/components/home/pagination";
import { ReportListing } from "@/components/home/report-listing";
import { getReportPage } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";
import { pageParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { site } from "@/lib/site";

type Props = { params: Promise<{ page: string }> };

// Page 1 is /tin-moi; this route serves pages 2 and beyond.
export const generateStaticParams = prerenderedParams("/trang/[page]");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  return pageMetadata({
    title: `Tin mới nhất, trang ${page}`,
    description: `Các bài viết cũ hơn của ${site.name}, trang ${page}.`,
    path: routes.listingPage(Number(page)),
  });
}

export default async function ListingPage({ params }: Props) {
  const page = pageParam((await params).page);
  const listing = getReportPage(page);
  // Pages past the cap moved to their month (proxy.ts answers those).
  if (!listing || listing.page === 1) notFound();
  return (
    <ReportListing
      listing={listing}
      heading={`Tin mới nhất, trang ${listing.page}`}
      archive={<MonthArchiveLink listing={listing} />}
    />
  );
}
