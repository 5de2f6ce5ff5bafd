import Link from "next/link";
import type { ReportPage } from "@/lib/content";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The address of page n of this listing. */
  pageHref: (page: number) => string;
}

export function Pagination({ page, pageCount, pageHref }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 && (
        <Link href={pageHref(page - 1)} rel="prev">
          ← Trang trước
        </Link>
      )}
      <span aria-current="page">
        Trang {page}/{pageCount}
      </span>
      {page < pageCount && (
        <Link href={pageHref(page + 1)} rel="next">
          Trang sau →
        </Link>
      )}
    </nav>
  );
}

/** Whether a list has reports beyond its numbered pages: those live on its archive pages. */
export function hasOlderReports(listing: ReportPage): boolean {
  return listing.total > listing.pageCount * site.reportsPerPage;
}

/** After the site's numbered pages: where the older reports are. */
export function MonthArchiveLink({ listing }: { listing: ReportPage }) {
  if (!hasOlderReports(listing)) return null;
  return (
    <p className="listing__archive">
      <Link href={routes.archive}>Các bài cũ hơn: xem lưu trữ theo tháng</Link>
    </p>
  );
}
