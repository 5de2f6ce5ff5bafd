import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/home/pagination";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { DateLine } from "@/components/report/date-line";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getPersonPage } from "@/lib/content";
import { pageNumber } from "@/lib/pagination";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { personJsonLd } from "@/lib/seo/structured-data";

// The shared body of a person's routes (/nguoi/slug and its /trang/N pages).

export function personMetadata(slug: string, page?: string): Metadata {
  const listing = getPersonPage(slug, pageNumber(page));
  if (!listing) return {};
  const { name, appearances } = listing.person;
  return pageMetadata({
    title: listing.page === 1 ? name : `${name}, trang ${listing.page}`,
    description: `Các bài viết có ${name} tham dự: ${appearances.length} bài, mới nhất trước.`,
    path: routes.person(slug, listing.page),
  });
}

export function PersonRoutePage({ slug, page }: { slug: string; page?: string }) {
  const listing = getPersonPage(slug, pageNumber(page));
  // /…/trang/1 would repeat the person's first page under a second address.
  if (!listing || (page !== undefined && listing.page === 1)) notFound();
  const { person } = listing;
  return (
    <div className="listing">
      <JsonLdScript data={personJsonLd(person, listing.appearances)} />
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: person.name }]} />
      <h1 className="listing__heading">
        {listing.page === 1 ? person.name : `${person.name}, trang ${listing.page}`}
      </h1>
      <p>
        Tham dự {person.appearances.length} sự kiện được đưa tin. Cấp bậc và chức vụ ghi theo từng bài, tại
        thời điểm của bài.
      </p>
      <ol className="appearance-list">
        {listing.appearances.map(({ report, rank, role }) => (
          <li key={report.slug} className="appearance">
            <Link href={routes.report(report.slug)} className="appearance__title">
              {report.title}
            </Link>
            <DateLine date={report.date} className="appearance__date" />
            {(rank || role) && (
              <span className="appearance__role">{[rank, role].filter(Boolean).join(", ")}</span>
            )}
          </li>
        ))}
      </ol>
      <Pagination
        page={listing.page}
        pageCount={listing.pageCount}
        pageHref={(n) => routes.person(slug, n)}
      />
    </div>
  );
}
