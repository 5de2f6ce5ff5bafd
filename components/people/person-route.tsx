import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { monthHeading } from "@/components/archive/compact-reports";
import { PeriodPagination } from "@/components/archive/period-pagination";
import { YearLinks } from "@/components/archive/year-links";
import { Pagination } from "@/components/home/pagination";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { DateLine } from "@/components/report/date-line";
import { JsonLdScript } from "@/components/seo/json-ld";
import { type Appearance, getPersonPage, getPersonYear, type Person, vietnamMonth } from "@/lib/content";
import { groupRuns } from "@/lib/group";
import { pageParam, yearParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { personJsonLd } from "@/lib/seo/structured-data";

// The shared body of a person's routes (/nguoi/slug, its /trang/N and /nam/YYYY pages).

const yearHref = (slug: string) => (year: number) => routes.personYear(slug, year);

function AppearanceList({ items }: { items: Appearance[] }) {
  return (
    <ol className="appearance-list">
      {items.map(({ report, rank, role }) => (
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
  );
}

function PersonIntro({ person }: { person: Person }) {
  return (
    <p>
      Tham dự {person.count} sự kiện được đưa tin. Cấp bậc và chức vụ ghi theo từng bài, tại thời điểm của
      bài.
    </p>
  );
}

export function personMetadata(slug: string, page?: string): Metadata {
  const listing = getPersonPage(slug, pageParam(page));
  if (!listing) return {};
  const { name, count } = listing.person;
  return pageMetadata({
    title: listing.page === 1 ? name : `${name}, trang ${listing.page}`,
    description: `Các bài viết có ${name} tham dự: ${count} bài, mới nhất trước.`,
    path: routes.person(slug, listing.page),
  });
}

export function PersonRoutePage({ slug, page }: { slug: string; page?: string }) {
  const number = pageParam(page);
  const listing = getPersonPage(slug, number);
  // Pages past the cap moved to their year (proxy.ts answers those).
  if (!listing) notFound();
  // /…/trang/1 would repeat the person's first page under a second address.
  if (page !== undefined && listing.page === 1) notFound();
  const { person } = listing;
  return (
    <div className="listing">
      <JsonLdScript data={personJsonLd(person, listing.items)} />
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: person.name }]} />
      <h1 className="listing__heading">
        {listing.page === 1 ? person.name : `${person.name}, trang ${listing.page}`}
      </h1>
      <PersonIntro person={person} />
      <AppearanceList items={listing.items} />
      <Pagination
        page={listing.page}
        pageCount={listing.pageCount}
        pageHref={(n) => routes.person(slug, n)}
      />
      <YearLinks years={listing.years} yearHref={yearHref(slug)} />
    </div>
  );
}

function personYearOf(slug: string, year: string, page?: string) {
  const number = pageParam(page);
  // /…/trang/1 would repeat the year's first page under a second address.
  if (page !== undefined && number === 1) return null;
  return getPersonYear(slug, yearParam(year), number);
}

export function personYearMetadata(slug: string, year: string, page?: string): Metadata {
  const found = personYearOf(slug, year, page);
  if (!found) return {};
  const { name } = found.person;
  const number = found.items.page;
  return pageMetadata({
    title: number === 1 ? `${name}, năm ${year}` : `${name}, năm ${year}, trang ${number}`,
    description: `Các bài viết có ${name} tham dự năm ${year}, theo từng tháng, từ đầu năm.`,
    path: routes.personYear(slug, Number(year), number),
  });
}

export function PersonYearPage({ slug, year, page }: { slug: string; year: string; page?: string }) {
  const number = yearParam(year);
  const found = personYearOf(slug, year, page);
  // Only a list longer than its numbered pages has year pages: a publish refreshes no other's.
  const years = getPersonPage(slug, 1)?.years ?? [];
  if (!found || years.length === 0) notFound();
  const { person, items } = found;
  return (
    <div className="listing">
      <JsonLdScript data={personJsonLd(person, items.items)} />
      <Breadcrumbs
        crumbs={[
          { name: "Trang chủ", href: routes.home },
          { name: person.name, href: routes.person(slug) },
          { name: `Năm ${number}` },
        ]}
      />
      <h1 className="listing__heading">
        {person.name}, năm {number}
        {items.page > 1 && `, trang ${items.page}`}
      </h1>
      <PersonIntro person={person} />
      {groupRuns(items.items, (item) => vietnamMonth(item.report.date)).map((month) => (
        <section key={month.key} className="archive-group" aria-labelledby={`thang-${month.key}`}>
          <h2 id={`thang-${month.key}`} className="archive-group__heading">
            {monthHeading(month.key)}
          </h2>
          <AppearanceList items={month.items} />
        </section>
      ))}
      <PeriodPagination
        page={items.page}
        hasNext={items.hasNext}
        pageHref={(n) => routes.personYear(slug, number, n)}
        period="năm"
      />
      <YearLinks years={years} yearHref={yearHref(slug)} current={number} />
    </div>
  );
}
