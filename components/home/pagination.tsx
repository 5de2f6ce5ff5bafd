import Link from "next/link";
import { routes } from "@/lib/routes";

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 && (
        <Link href={routes.listingPage(page - 1)} rel="prev">
          ← Trang trước
        </Link>
      )}
      <span aria-current="page">
        Trang {page}/{pageCount}
      </span>
      {page < pageCount && (
        <Link href={routes.listingPage(page + 1)} rel="next">
          Trang sau →
        </Link>
      )}
    </nav>
  );
}
