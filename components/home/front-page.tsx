import Link from "next/link";
import type { ReactNode } from "react";
import { ResponsiveImage } from "@/components/media/responsive-image";
import { DateLine } from "@/components/report/date-line";
import type { ReportSummary } from "@/lib/content";
import type { FrontPage as FrontPageData } from "@/lib/front-page";
import { routes } from "@/lib/routes";

function Cover({
  report,
  sizes,
  preload = false,
}: {
  report: ReportSummary;
  sizes: string;
  preload?: boolean;
}) {
  if (!report.cover) return null;
  return (
    <ResponsiveImage
      className="front-story__cover"
      src={report.cover.src}
      alt={report.cover.alt}
      width={report.cover.width}
      height={report.cover.height}
      sizes={sizes}
      preload={preload}
    />
  );
}

function Headline({ report, level: Heading }: { report: ReportSummary; level: "h2" | "h3" }) {
  return (
    <Heading className="front-story__title">
      <Link href={routes.report(report.slug)}>{report.title}</Link>
    </Heading>
  );
}

/** The front page: the lead story, the top stories, a block per section, then what `after` holds. */
export function FrontPage({ page, after }: { page: FrontPageData; after?: ReactNode }) {
  const { lead, top, sections } = page;
  if (!lead) return <p>Chưa có bài viết nào.</p>;
  return (
    <div className="front-page">
      <h1 className="visually-hidden">Tin Xứ Nghệ: tin chính hôm nay</h1>
      <section className="front-page__top" aria-label="Tin chính">
        <article className="front-story front-story--lead">
          <Cover report={lead} sizes="(min-width: 64rem) 40rem, 100vw" preload />
          <div className="front-story__text">
            <Headline report={lead} level="h2" />
            <DateLine date={lead.date} className="front-story__date" />
            <p className="front-story__summary">{lead.summary}</p>
          </div>
        </article>
        {top.length > 0 && (
          <ul className="front-page__stories" aria-label="Tin nổi bật">
            {top.map((report) => (
              <li key={report.slug} className="front-story">
                <Cover report={report} sizes="(min-width: 64rem) 12rem, 30vw" />
                <Headline report={report} level="h3" />
                <DateLine date={report.date} className="front-story__date" />
              </li>
            ))}
          </ul>
        )}
      </section>
      {sections.map(({ topic, reports }) => (
        <section key={topic.slug} className="front-section" aria-labelledby={`muc-${topic.slug}`}>
          <h2 id={`muc-${topic.slug}`} className="front-section__heading">
            <Link href={routes.category(topic.slug)}>{topic.name}</Link>
          </h2>
          <ul className="front-section__stories">
            {reports.map((report, index) => (
              <li key={report.slug} className="front-story">
                {index === 0 && <Cover report={report} sizes="(min-width: 64rem) 16rem, 100vw" />}
                <Headline report={report} level="h3" />
                <DateLine date={report.date} className="front-story__date" />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {after}
      <p className="front-page__more">
        <Link href={routes.latest}>Xem tất cả tin mới</Link>
      </p>
    </div>
  );
}
