import Link from "next/link";

interface PeriodPaginationProps {
  page: number;
  hasNext: boolean;
  /** The address of page n of this month or year. */
  pageHref: (page: number) => string;
  /** "tháng" or "năm": what the pages divide. */
  period: string;
}

/**
 * Earlier and later pages of one month or year. No page count: a report added to the period
 * then changes only its last page, not every page that would show the count.
 */
export function PeriodPagination({ page, hasNext, pageHref, period }: PeriodPaginationProps) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={`Các trang của ${period}`}>
      {page > 1 && (
        <Link href={pageHref(page - 1)} rel="prev">
          ← Trang trước
        </Link>
      )}
      <span aria-current="page">Trang {page}</span>
      {hasNext && (
        <Link href={pageHref(page + 1)} rel="next">
          Trang sau →
        </Link>
      )}
    </nav>
  );
}
