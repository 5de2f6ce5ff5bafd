import type { ReportPage } from "@/lib/content";
import { Pagination } from "./pagination";
import { ReportList } from "./report-list";

export function ReportListing({ listing, heading }: { listing: ReportPage; heading: string }) {
  return (
    <div className="listing">
      <h1 className="listing__heading">{heading}</h1>
      {listing.reports.length === 0 ? <p>Chưa có bài viết nào.</p> : <ReportList reports={listing.reports} />}
      <Pagination page={listing.page} pageCount={listing.pageCount} />
    </div>
  );
}
