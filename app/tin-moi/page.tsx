import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonthArchiveLink } from "@/components/home/pagination";
import { ReportListing } from "@/components/home/report-listing";
import { getReportPage } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { site } from "@/lib/site";

export const metadata: Metadata = pageMetadata({
  title: "Tin mới nhất",
  description: `Mọi bài của ${site.name}, bài mới nhất trước.`,
  path: routes.latest,
});

/** Every report, newest first: page 1 here, later pages at /trang/N, older ones by month. */
export default function LatestPage() {
  const listing = getReportPage(1);
  if (!listing) notFound();
  return (
    <ReportListing
      listing={listing}
      heading="Tin mới nhất"
      archive={<MonthArchiveLink listing={listing} />}
    />
  );
}
