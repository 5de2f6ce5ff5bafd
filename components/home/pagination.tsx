import Link from "next/link";

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
