import type { ReactNode } from "react";
import type { ReportPage } from "@/lib/content";
import { routes } from "@/lib/routes";
import { Pagination } from "./pagination";
import { ReportList } from "./report-list";

interface ReportListingProps {
  listing: ReportPage;
  heading: string;
  pageHref?: (page: number) => string;
  /** Shown above the heading: breadcrumbs on topic pages. */
  before?: ReactNode;
  /** Shown after the page links: where the reports older than the numbered pages are. */
  archive?: ReactNode;
}

export function ReportListing({
  listing,
  heading,
  pageHref = routes.listingPage,
  before,
  archive,
}: ReportListingProps) {
  return (
    <div className="listing">
      {before}
      <h1 className="listing__heading">{heading}</h1>
      {listing.reports.length === 0 ? <p>Chưa có bài viết nào.</p> : <ReportList reports={listing.reports} />}
      <Pagination page={listing.page} pageCount={listing.pageCount} pageHref={pageHref} />
      {archive}
    </div>
  );
}
