import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { DateLine } from "@/components/report/date-line";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getPerson } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { personJsonLd } from "@/lib/seo/structured-data";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/nguoi/[slug]");

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = getPerson((await params).slug);
  if (!person) return {};
  return pageMetadata({
    title: person.name,
    description: `Các bài viết có ${person.name} tham dự: ${person.appearances.length} bài, mới nhất trước.`,
    path: routes.person(person.slug),
  });
}

export default async function PersonPage({ params }: Props) {
  const person = getPerson((await params).slug);
  if (!person) notFound();
  return (
    <div className="listing">
      <JsonLdScript data={personJsonLd(person)} />
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: person.name }]} />
      <h1 className="listing__heading">{person.name}</h1>
      <p>
        Tham dự {person.appearances.length} sự kiện được đưa tin. Cấp bậc và chức vụ ghi theo từng bài, tại
        thời điểm của bài.
      </p>
      <ol className="appearance-list">
        {person.appearances.map(({ report, rank, role }) => (
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
    </div>
  );
}
